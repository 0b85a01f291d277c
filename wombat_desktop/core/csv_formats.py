"""The CSV layouts we recognise, their column maps, and a guessed map for any other CSV.

A column mapping is a plain, JSON-able ``dict`` from header to target. A target is a key of
`FIELDS`, optionally followed by ``#slot``: columns that share a slot belong together, such as
the parts of one address (``street#work``, ``locality#work``) or a Google label and its value
(``email_label#1`` with ``email_other#1``). A slot named ``home``, ``work`` or ``other`` also
types an address. Use `base_field` to strip the slot, e.g. to fill a combo box.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

ColumnMapping = dict[str, str]


class CsvFormat(StrEnum):
    """The producer of a CSV file, detected from its header."""

    GOOGLE = "google"
    GOOGLE_LEGACY = "google_legacy"
    OUTLOOK = "outlook"
    OUTLOOK_COM = "outlook_com"
    LINKEDIN = "linkedin"
    THUNDERBIRD = "thunderbird"
    GENERIC = "generic"


FIELDS: dict[str, str] = {
    "given_name": "First name",
    "additional_names": "Middle name",
    "family_name": "Last name",
    "formatted_name": "Full name",
    "honorific_prefix": "Name prefix",
    "honorific_suffix": "Name suffix",
    "nickname": "Nickname",
    "phonetic_given_name": "Phonetic first name",
    "phonetic_family_name": "Phonetic last name",
    "organization": "Company",
    "title": "Job title",
    "department": "Department",
    "email_home": "E-mail (home)",
    "email_work": "E-mail (work)",
    "email_other": "E-mail",
    "email_label": "E-mail label",
    "phone_mobile": "Mobile phone",
    "phone_work": "Work phone",
    "phone_home": "Home phone",
    "phone_fax": "Fax",
    "phone_fax_work": "Work fax",
    "phone_fax_home": "Home fax",
    "phone_pager": "Pager",
    "phone_other": "Phone",
    "phone_label": "Phone label",
    "street": "Street",
    "extended": "Address line 2",
    "po_box": "PO box",
    "locality": "City",
    "region": "State / region",
    "postal_code": "Postal code",
    "country": "Country",
    "address": "Full address",
    "address_label": "Address label",
    "url": "Web page",
    "url_label": "Web page label",
    "birthday": "Birthday",
    "birth_year": "Birth year",
    "birth_month": "Birth month",
    "birth_day": "Birth day",
    "anniversary": "Anniversary",
    "note": "Note",
    "tags": "Tags / groups",
    "connected_on": "Connected on (LinkedIn)",
    "ignore": "(ignore)",
}

EMAIL_TYPES: dict[str, list[str]] = {"email_home": ["home"], "email_work": ["work"],
                                     "email_other": []}
PHONE_TYPES: dict[str, list[str]] = {
    "phone_mobile": ["cell"], "phone_work": ["work"], "phone_home": ["home"],
    "phone_fax": ["fax"], "phone_fax_work": ["fax", "work"], "phone_fax_home": ["fax", "home"],
    "phone_pager": ["pager"], "phone_other": [],
}
ADDRESS_PARTS = ("street", "extended", "po_box", "locality", "region", "postal_code", "country")


def base_field(target: str) -> str:
    """The `FIELDS` key of a mapping target (``street#work`` -> ``street``)."""
    return target.partition("#")[0]


def norm_header(header: str) -> str:
    """Lower-case a header and collapse its spaces; drop a BOM and stray quotes."""
    return " ".join(header.replace("\ufeff", "").strip().strip('"').lower().split())


# --- known layouts ------------------------------------------------------------------------

def _addr(prefix: str, slot: str, names: dict[str, str]) -> dict[str, str]:
    return {f"{prefix} {suffix}": f"{target}#{slot}" for suffix, target in names.items()}


_OUTLOOK_ADDR = {
    "street": "street", "street 2": "street", "street 3": "street", "city": "locality",
    "state": "region", "postal code": "postal_code", "country/region": "country",
    "country": "country", "address": "address", "address po box": "po_box",
}

OUTLOOK_MAP: dict[str, str] = {
    "title": "honorific_prefix", "first name": "given_name", "middle name": "additional_names",
    "last name": "family_name", "suffix": "honorific_suffix", "nickname": "nickname",
    "given yomi": "phonetic_given_name", "surname yomi": "phonetic_family_name",
    "company": "organization", "department": "department", "job title": "title",
    **_addr("business", "work", _OUTLOOK_ADDR), **_addr("home", "home", _OUTLOOK_ADDR),
    **_addr("other", "other", _OUTLOOK_ADDR),
    "business phone": "phone_work", "business phone 2": "phone_work",
    "company main phone": "phone_work", "home phone": "phone_home", "home phone 2": "phone_home",
    "mobile phone": "phone_mobile", "car phone": "phone_mobile", "business fax": "phone_fax_work",
    "home fax": "phone_fax_home", "other fax": "phone_fax", "pager": "phone_pager",
    "primary phone": "phone_other", "other phone": "phone_other", "callback": "phone_other",
    "radio phone": "phone_other", "isdn": "phone_other", "tty/tdd phone": "phone_other",
    "e-mail address": "email_other", "e-mail 2 address": "email_other",
    "e-mail 3 address": "email_other", "web page": "url", "personal web page": "url",
    "birthday": "birthday", "anniversary": "anniversary", "notes": "note",
    "categories": "tags",
}

_GOOGLE_COMMON = {
    "middle name": "additional_names", "name prefix": "honorific_prefix",
    "name suffix": "honorific_suffix", "nickname": "nickname", "birthday": "birthday",
    "notes": "note",
}

GOOGLE_MAP: dict[str, str] = {
    **_GOOGLE_COMMON, "first name": "given_name", "last name": "family_name",
    "phonetic first name": "phonetic_given_name", "phonetic last name": "phonetic_family_name",
    "file as": "formatted_name", "organization name": "organization",
    "organization title": "title", "organization department": "department", "labels": "tags",
}

GOOGLE_LEGACY_MAP: dict[str, str] = {
    **_GOOGLE_COMMON, "name": "formatted_name", "given name": "given_name",
    "additional name": "additional_names", "family name": "family_name",
    "given name yomi": "phonetic_given_name", "family name yomi": "phonetic_family_name",
    "group membership": "tags", "organization 1 - name": "organization",
    "organization 1 - title": "title", "organization 1 - department": "department",
}

# "E-mail 1 - Label", "Phone 2 - Value", "Address 1 - Street", "Website 1 - Type" …
_GOOGLE_GROUP = re.compile(r"^(e-mail|phone|address|website) (\d+) - (.+)$")
_GOOGLE_PARTS = {
    ("e-mail", "value"): "email_other", ("e-mail", "label"): "email_label",
    ("phone", "value"): "phone_other", ("phone", "label"): "phone_label",
    ("website", "value"): "url", ("website", "label"): "url_label",
    ("address", "label"): "address_label", ("address", "formatted"): "address",
    ("address", "street"): "street", ("address", "city"): "locality",
    ("address", "po box"): "po_box", ("address", "region"): "region",
    ("address", "postal code"): "postal_code", ("address", "country"): "country",
    ("address", "extended address"): "extended",
}

LINKEDIN_MAP: dict[str, str] = {
    "first name": "given_name", "last name": "family_name", "url": "url",
    "email address": "email_other", "company": "organization", "position": "title",
    "connected on": "connected_on",
}

_TB_ADDR = {"address": "street", "address 2": "street", "city": "locality", "state": "region",
            "zipcode": "postal_code", "country": "country"}
THUNDERBIRD_MAP: dict[str, str] = {
    "first name": "given_name", "last name": "family_name", "display name": "formatted_name",
    "nickname": "nickname", "primary email": "email_other", "secondary email": "email_other",
    "work phone": "phone_work", "home phone": "phone_home", "fax number": "phone_fax",
    "pager number": "phone_pager", "mobile number": "phone_mobile",
    **_addr("home", "home", _TB_ADDR), **_addr("work", "work", _TB_ADDR),
    "job title": "title", "department": "department", "organization": "organization",
    "web page 1": "url", "web page 2": "url", "birth year": "birth_year",
    "birth month": "birth_month", "birth day": "birth_day", "notes": "note",
}

_MAPS: dict[CsvFormat, dict[str, str]] = {
    CsvFormat.GOOGLE: GOOGLE_MAP, CsvFormat.GOOGLE_LEGACY: GOOGLE_LEGACY_MAP,
    CsvFormat.OUTLOOK: OUTLOOK_MAP, CsvFormat.OUTLOOK_COM: OUTLOOK_MAP,
    CsvFormat.LINKEDIN: LINKEDIN_MAP, CsvFormat.THUNDERBIRD: THUNDERBIRD_MAP,
}


def detect_format(headers: list[str]) -> CsvFormat:
    """Tell the producer from the header row; `CsvFormat.GENERIC` when it is none we know."""
    names = {norm_header(h) for h in headers}
    groups = {m.group(3) for n in names if (m := _GOOGLE_GROUP.match(n))}
    if "connected on" in names and "first name" in names:
        return CsvFormat.LINKEDIN
    if ("label" in groups or "labels" in names) and "first name" in names:
        return CsvFormat.GOOGLE
    if ("type" in groups or "group membership" in names) and "given name" in names:
        return CsvFormat.GOOGLE_LEGACY
    if {"primary email", "display name"} <= names:
        return CsvFormat.THUNDERBIRD
    if {"first name", "e-mail address"} <= names:
        if names & {"given yomi", "imaddress", "schools"} and "e-mail type" not in names:
            return CsvFormat.OUTLOOK_COM
        return CsvFormat.OUTLOOK
    return CsvFormat.GENERIC


def mapping_for(fmt: CsvFormat, headers: list[str]) -> ColumnMapping:
    """The column mapping for a known layout, or a guess from the header words (GENERIC).

    Every header gets an entry; columns we do not use map to ``"ignore"``.
    """
    table = _MAPS.get(fmt)
    mapping: ColumnMapping = {}
    for header in headers:
        name = norm_header(header)
        if table is None:
            mapping[header] = guess_field(header)
            continue
        target = table.get(name)
        if target is None and fmt in (CsvFormat.GOOGLE, CsvFormat.GOOGLE_LEGACY):
            target = _google_group_target(name)
        mapping[header] = target or "ignore"
    return mapping


def _google_group_target(name: str) -> str | None:
    match = _GOOGLE_GROUP.match(name)
    if not match:
        return None
    kind, number, part = match.groups()
    target = _GOOGLE_PARTS.get((kind, "label" if part == "type" else part))
    return f"{target}#{number}" if target else None


# --- guessing a generic CSV's mapping ----------------------------------------------------

_WORK = ("work", "business", "office", "company", "geschäftlich", "geschaftlich", "dienstlich",
         "büro", "travail", "professionnel", "bureau", "工作", "公司", "单位", "办公")
_HOME = ("home", "private", "personal", "privat", "domicile", "personnel", "家庭", "住宅",
         "私人", "个人")

# Ordered: the first rule whose pattern is found in the normalised header wins.
_RULES: list[tuple[str, str]] = [
    (r"connected on", "connected_on"),
    (r"e[ -]?mail|\bmail(?!ing)|courriel|adresse électronique|邮箱|邮件|电邮|почта", "email"),
    (r"fax|传真", "phone_fax"),
    (r"pager|beeper|piepser|寻呼", "phone_pager"),
    (r"mobile|cell|handy|portable|mobil|手机|移动电话|мобильный", "phone_mobile"),
    (r"phone|\btel\b|telefon|téléphone|telephone|\bfon\b|电话|座机|телефон", "phone"),
    (r"web|url|homepage|site|linkedin|网址|网站|主页", "url"),
    (r"birth|\bb ?day\b|\bdob\b|geburt|naissance|生日|出生", "birthday"),
    (r"anniversary|jahrestag|jubiläum|纪念日", "anniversary"),
    (r"nick|spitzname|surnom|昵称|绰号", "nickname"),
    (r"middle|zweiter vorname|second prénom", "additional_names"),
    (r"first|given|fore ?name|vorname|prénom|prenom|^名$|名字|^имя$", "given_name"),
    (r"last|surname|family|nachname|familienname|nom de famille|^nom$|^姓$|姓氏|фамилия",
     "family_name"),
    (r"zip|postal|post ?code|\bplz\b|postleitzahl|code postal|邮编|邮政编码", "postal_code"),
    (r"\bcity\b|\btown\b|\bort\b|stadt|ville|城市|市$", "locality"),
    (r"country|\bland\b|staat|pays|国家|国籍", "country"),
    (r"state|region|province|county|bundesland|provinz|département|省|地区", "region"),
    (r"street|address|straße|strasse|adresse|\brue\b|anschrift|地址|街道", "street"),
    (r"department|abteilung|service|部门", "department"),
    (r"job|title|position|role|funktion|beruf|poste|fonction|职位|职务|头衔", "title"),
    (r"company|organi[sz]ation|\borg\b|employer|firma|unternehmen|société|entreprise|公司|单位|机构|компания|организация",
     "organization"),
    (r"note|comment|remark|description|notiz|bemerkung|kommentar|remarque|备注|说明", "note"),
    (r"tag|label|categor|group|kategorie|gruppe|étiquette|标签|分组|类别", "tags"),
    (r"name|anzeigename|nom complet|姓名|名称|联系人", "formatted_name"),
]
_COMPILED = [(re.compile(p), t) for p, t in _RULES]
_ALL_KNOWN = {**THUNDERBIRD_MAP, **LINKEDIN_MAP, **GOOGLE_LEGACY_MAP, **GOOGLE_MAP, **OUTLOOK_MAP}
_ALL_KNOWN.pop("title")  # Outlook's "Title" is "Mr."; elsewhere it is the job title
_ALL_KNOWN.pop("url")  # a bare "URL" is any web page, not LinkedIn's profile


def guess_field(header: str) -> str:
    """Best-effort target for one header (English, some German, French and Chinese)."""
    name = norm_header(header)
    known = _ALL_KNOWN.get(name) or _google_group_target(name)
    if known:
        return known
    text = unicodedata.normalize("NFC", name.replace("_", " ").replace(".", " "))
    work = any(w in text for w in _WORK)
    home = not work and any(w in text for w in _HOME)
    for pattern, target in _COMPILED:
        if not pattern.search(text):
            continue
        if target == "email":
            return "email_work" if work else "email_home" if home else "email_other"
        if target == "phone":
            return "phone_work" if work else "phone_home" if home else "phone_other"
        if target == "phone_fax" and (work or home):
            return "phone_fax_work" if work else "phone_fax_home"
        if target in ADDRESS_PARTS and (work or home):
            return f"{target}#{'work' if work else 'home'}"
        if target == "organization" and home:
            continue
        return target
    return "ignore"
