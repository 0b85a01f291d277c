"""Business-card text -> contact fields, each with a confidence (no OCR, no Qt).

Input is the card's recognised lines, top to bottom, optionally with their OCR score and
text height. The rules, in order: labelled values ("Mobile:", "手机：", "TEL", "〒") are
the surest; e-mails, web addresses and phone numbers are found by pattern; a company by its
legal suffix (Inc, Ltd, 有限公司, 株式会社 …), a title by its words (Manager, 经理, 部長 …),
an address by street/district words; the name is the largest name-like line left. Bilingual
cards keep both scripts: ``name`` is the first name found and ``other_name`` the one in the
other script (a Chinese name and its English name). Whatever is left becomes the note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from wombat_desktop.core.model import is_cjk
from wombat_desktop.core.phones import normalize_phone, phone_digits

__all__ = ["LOW_CONFIDENCE", "CardField", "CardFields", "CardLine", "CardPhone", "parse_card"]

LOW_CONFIDENCE = 0.75  # fields below this are highlighted for review

_SEP = r"[\s:：.\-/]*"
_PHONE_LABELS = {
    "mobile": r"mobile|mob|cell(?:phone)?|m|hp|handy|手机|手機|移动电话|携帯(?:電話)?|ケータイ",
    "fax": r"fax|f|传真|傳真|ファックス|ＦＡＸ",
    "office": r"tel(?:ephone)?|t|phone|ph|office|direct|dir|o|w|work|电话|電話|座机|办公电话|代表",
}
_LABEL_RE = re.compile(
    r"(?i)(?:^|(?<=[^A-Za-z]))(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _PHONE_LABELS.items())
    + r")" + _SEP + r"$")
_PHONE_RE = re.compile(r"[+＋]?[(（]?\d[\d\s\-.()（）/]{5,}\d(?:\s*(?:ext\.?|x|#)\s*\d{1,5})?")
_POSTCODE_RE = re.compile(r"\d{3}-\d{4}")
_JP_POSTCODE_LINE_RE = re.compile(r"^\d{3}-\d{4}\s*[\u4e00-\u9fff\u3040-\u30ff]")
_EMAIL_RE = re.compile(r"(?i)[a-z0-9._%+\-]+\s?@\s?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
_TLDS = ("com|net|org|cn|jp|io|co|biz|info|de|uk|hk|tw|sg|au|ca|fr|it|nl|es|kr|in|us|eu|"
         "me|app|dev|ai|tech|com\\.cn|co\\.jp|co\\.uk|com\\.hk|com\\.tw|com\\.au")
_URL_RE = re.compile(
    r"(?i)(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:" + _TLDS
    + r")(?![a-z0-9])(?:/[^\s]*)?")
_FIELD_LABEL_RE = re.compile(
    r"(?i)^\s*(e-?mail|email|mail|e|邮箱|郵箱|电子邮件|メール|web(?:site)?|w|url|网址|網址|"
    r"ホームページ|add(?:ress)?|addr|地址|住所|所在地)" + r"[\s:：.]*(?=\S)")
_ADDRESS_LABEL_RE = re.compile(r"(?i)^\s*(?:add(?:ress)?|addr|地址|住所|所在地)[\s:：.]+")
_COMPANY_RE = re.compile(
    r"(?i)(\b(inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|plc|pty|group|"
    r"holdings|partners|associates|bank|university|s\.a|b\.v|llp|studio|labs?)\b\.?|"
    r"有限公司|股份|公司|集团|集團|株式会社|有限会社|事务所|事務所|银行|銀行|大学|研究所|工作室)")
_TITLE_RE = re.compile(
    r"(?i)(\b(manager|director|ceo|cto|cfo|coo|cmo|president|vp|vice|engineer|consultant|"
    r"partner|founder|owner|officer|head|lead|specialist|analyst|attorney|lawyer|"
    r"accountant|advisor|adviser|representative|rep|executive|designer|architect|"
    r"coordinator|chairman|secretary|agent|broker|planner|sales|marketing|developer|"
    r"associate|assistant|principal|supervisor)\b|经理|經理|总监|總監|董事|主任|主管|"
    r"工程师|工程師|顾问|顧問|总裁|總裁|部长|部長|代表|社長|課長|係長|取締役|店长|店長|"
    r"会长|會長|秘书|律师|律師|会计师|會計師|创始人|合伙人|营业|営業)")
_ADDRESS_RE = re.compile(
    r"(?i)(\b\d+\s+\w+.*\b(street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|"
    r"way|suite|ste|floor|fl|plaza|square|sq|court|ct|highway|hwy|parkway|pkwy)\b|"
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\bP\.?O\.? box\b|"
    r"\b\d+(?:st|nd|rd|th)\s+(?:floor|fl)\b|\b(?:suite|ste|unit|floor|bldg)\s*#?\s*\d+\b|"
    r"[省市区區县縣镇鎮路街道巷弄号號楼樓室层層]\S*\d|\d+\s*[号號楼樓层層室]|"
    r"[都道府県][^\s]*[市区町村]|丁目|番地|〒)")
_LATIN_NAME_RE = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-zA-Z'’\-]+(?:\s+[A-Z]\.?)?"
    r"(?:\s+[A-Z][a-zA-Z'’\-]+){1,2}(?:,?\s+(?:Jr|Sr|PhD|MBA|CPA)\.?)?$")
_CJK_NAME_RE = re.compile(r"^[\u4e00-\u9fff\u3400-\u4dbf]{2,4}$|"
                          r"^[\u4e00-\u9fff]{1,3}[\s\u3000][\u4e00-\u9fff\u3040-\u30ff]{1,3}$")


@dataclass(frozen=True, slots=True)
class CardLine:
    """One line of card text: the text, its OCR score, and its height in pixels (0: unknown)."""

    text: str
    confidence: float = 1.0
    height: float = 0.0


@dataclass(frozen=True, slots=True)
class CardField:
    value: str
    confidence: float

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class CardPhone:
    """A phone as printed, in E.164 when it parses, and its kind (mobile/office/fax/"")."""

    raw: str
    value: str
    kind: str
    confidence: float

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class CardFields:
    """The fields read from one card."""

    name: CardField | None = None
    other_name: CardField | None = None  # the same person's name in the card's other script
    title: CardField | None = None
    company: CardField | None = None
    phones: tuple[CardPhone, ...] = ()
    emails: tuple[CardField, ...] = ()
    website: CardField | None = None
    address: CardField | None = None
    note: str = ""
    lines: tuple[str, ...] = field(default_factory=tuple)

    @property
    def confidence(self) -> float:
        """The least confidence among the name, company, phones and e-mails (0: nothing)."""
        found = [f.confidence for f in (self.name, self.company) if f is not None]
        found += [p.confidence for p in self.phones] + [e.confidence for e in self.emails]
        return round(min(found), 3) if found else 0.0


def _lines(raw: Sequence[CardLine | str]) -> list[CardLine]:
    out = []
    for item in raw:
        line = CardLine(item) if isinstance(item, str) else item
        text = " ".join(line.text.replace("\u3000", " ").split())
        if text:
            out.append(CardLine(text, line.confidence, line.height))
    return out


def _phone(raw: str, kind: str, confidence: float, region: str,
           hint: str = "") -> CardPhone | None:
    """A phone read in ``region``; in ``hint`` (the card's own country) when only that fits."""
    digits = phone_digits(raw)
    if not 7 <= len(digits) <= 15:
        return None
    value = normalize_phone(raw, region)
    valid = _valid(value)
    if not valid and hint and hint != region:
        other = normalize_phone(raw, hint)
        if _valid(other):
            value, valid = other, True
    if not kind and valid:
        kind = _number_kind(value)
    return CardPhone(raw.strip(), value, kind, round(confidence * (1.0 if valid else 0.6), 3))


def _valid(value: str) -> bool:
    """Whether ``value`` is a valid E.164 number (not merely one of plausible length)."""
    import phonenumbers

    if not value.startswith("+"):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value))
    except phonenumbers.NumberParseException:
        return False


_TLD_REGIONS = (("co.jp", "JP"), ("jp", "JP"), ("com.cn", "CN"), ("cn", "CN"), ("hk", "HK"),
                ("tw", "TW"), ("co.uk", "GB"), ("uk", "GB"), ("com.au", "AU"), ("au", "AU"),
                ("sg", "SG"), ("de", "DE"), ("fr", "FR"), ("kr", "KR"), ("ca", "CA"))
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def card_region(texts: Sequence[str]) -> str:
    """The country a card itself points to (its e-mail/web domain, else kana or Chinese).

    Used only for numbers printed without a country code that are not valid in the
    user's region: a Shanghai card's ``138 0013 8000`` read with region US.
    """
    joined = " ".join(texts)
    for match in _EMAIL_RE.finditer(joined):
        domain = match.group().rsplit("@", 1)[-1].lower()
        for tld, region in _TLD_REGIONS:
            if domain.endswith("." + tld):
                return region
    for match in _URL_RE.finditer(joined):
        host = match.group().lower().split("://")[-1].split("/")[0]
        for tld, region in _TLD_REGIONS:
            if host.endswith("." + tld):
                return region
    if _KANA_RE.search(joined):
        return "JP"
    return "CN" if _HAN_RE.search(joined) else ""


def _number_kind(e164: str) -> str:
    import phonenumbers

    try:
        kind = phonenumbers.number_type(phonenumbers.parse(e164))
    except phonenumbers.NumberParseException:
        return ""
    return "mobile" if kind == phonenumbers.PhoneNumberType.MOBILE else ""


def _take_phones(text: str, confidence: float, region: str,
                 hint: str = "") -> tuple[list[CardPhone], str]:
    """The phones in a line and what is left of it once they (and their labels) are cut."""
    phones: list[CardPhone] = []
    spans: list[tuple[int, int]] = []
    previous_end = 0
    for match in _PHONE_RE.finditer(text):
        label = _LABEL_RE.search(text[previous_end : match.start()])
        kind = next((k for k in _PHONE_LABELS if label and label.group(k)), "")
        if not label and _POSTCODE_RE.fullmatch(match.group()) and _ADDRESS_RE.search(text):
            continue  # "150-0002 東京都…": a Japanese postcode whose 〒 the OCR dropped
        phone = _phone(match.group(), kind, confidence, region, hint)
        if phone is None:
            continue
        phones.append(phone)
        start = previous_end + label.start() if label else match.start()
        spans.append((start, match.end()))
        previous_end = match.end()
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return phones, " ".join(text.split())


def _name_score(line: CardLine) -> float:
    text = line.text
    if any(ch.isdigit() for ch in text) or "@" in text:
        return 0.0
    if _TITLE_RE.search(text) or _COMPANY_RE.search(text):
        return 0.0
    if _CJK_NAME_RE.match(text):
        return 0.9
    if _LATIN_NAME_RE.match(text) and not text.isupper():
        return 0.85
    if _LATIN_NAME_RE.match(text.title()) and len(text.split()) <= 3:
        return 0.6  # AN ALL-CAPS NAME
    return 0.0


def _split_name_title(line: CardLine) -> tuple[CardLine, CardLine] | None:
    """"王建国 销售总监" / "Jane Doe, CEO" -> the name and the title as two lines."""
    for sep in (", ", " | ", " "):
        head, _, tail = line.text.partition(sep)
        if tail and _TITLE_RE.search(tail) and _name_score(CardLine(head)) > 0:
            return (CardLine(head, line.confidence, line.height),
                    CardLine(tail, line.confidence, line.height * 0.7))
    return None


def parse_card(raw_lines: Sequence[CardLine | str], region: str = "US") -> CardFields:
    """Read contact fields from a card's lines (top to bottom).

    Args:
        raw_lines: the lines as `CardLine`s (text, OCR score, height) or plain strings.
        region: ISO 3166 country for numbers printed without a country code.

    Returns:
        The fields, each with a confidence (OCR score times how sure the rule is).
    """
    lines = _lines(raw_lines)
    hint = card_region([line.text for line in lines])
    phones: list[CardPhone] = []
    emails: list[CardField] = []
    website: CardField | None = None
    address: list[CardLine] = []
    rest: list[CardLine] = []
    for line in lines:
        text, conf = line.text, line.confidence
        if (_ADDRESS_LABEL_RE.match(text) or text.startswith("〒")
                or _JP_POSTCODE_LINE_RE.match(text)):
            text = "〒" + text if _JP_POSTCODE_LINE_RE.match(text) else text
            address.append(CardLine(_ADDRESS_LABEL_RE.sub("", text), conf, line.height))
            continue
        for match in _EMAIL_RE.finditer(text):
            value = match.group().replace(" ", "").lower()
            emails.append(CardField(value, round(conf, 3)))
        text = _EMAIL_RE.sub(" ", text)
        for match in _URL_RE.finditer(text):
            if website is None and not _COMPANY_RE.fullmatch(match.group()):
                website = CardField(match.group().rstrip("/"), round(conf * 0.95, 3))
                text = text.replace(match.group(), " ")
        found, text = _take_phones(text, conf, region, hint)
        phones.extend(found)
        text = _FIELD_LABEL_RE.sub("", text) if text != line.text else text
        text = text.strip(" :：|·•,")
        changed = found or text != line.text.strip(" :：|·•,")
        if changed and len(re.sub(r"\W", "", text)) < 2:  # only a label was left
            continue
        rest.append(CardLine(text, conf, line.height))
    return _classify(rest, address, phones, emails, website, lines)


def _classify(rest: list[CardLine], address: list[CardLine], phones: list[CardPhone],
              emails: list[CardField], website: CardField | None,
              lines: list[CardLine]) -> CardFields:
    company: CardField | None = None
    title: CardField | None = None
    companies: list[CardLine] = []
    titles: list[CardLine] = []
    others: list[CardLine] = []
    split: list[CardLine] = []
    for line in rest:
        pair = _split_name_title(line) if not _COMPANY_RE.search(line.text) else None
        split.extend(pair or (line,))
    for line in split:
        if _COMPANY_RE.search(line.text) and not _ADDRESS_RE.search(line.text):
            companies.append(line)
        elif _TITLE_RE.search(line.text):
            titles.append(line)
        elif _ADDRESS_RE.search(line.text):
            address.append(line)
        else:
            others.append(line)
    names = sorted((c for c in others if _name_score(c) > 0),
                   key=lambda c: (-c.height, -_name_score(c)))
    name = other_name = None
    if names:
        first = names[0]
        name = CardField(first.text, round(first.confidence * _name_score(first), 3))
        others.remove(first)
        script = is_cjk(first.text)
        alt = next((c for c in names[1:] if is_cjk(c.text) != script), None)
        if alt is not None:
            other_name = CardField(alt.text, round(alt.confidence * _name_score(alt), 3))
            others.remove(alt)
        if script is False and alt is not None:  # the CJK name leads on a bilingual card
            name, other_name = other_name, name
    if companies:
        best = companies[0]
        company = CardField(best.text, round(best.confidence * 0.95, 3))
        others.extend(companies[1:])
    elif others and name is not None:
        # No legal suffix: a line above the name in larger or equal type is often the brand.
        guess = next((o for o in others if len(o.text) <= 40), None)
        if guess is not None:
            company = CardField(guess.text, round(guess.confidence * 0.55, 3))
            others.remove(guess)
    if titles:
        title = CardField(" / ".join(t.text for t in titles[:2]),
                          round(min(t.confidence for t in titles[:2]) * 0.9, 3))
        others.extend(titles[2:])
    addr = None
    if address:
        addr = CardField(", ".join(a.text for a in address),
                         round(min(a.confidence for a in address) * 0.85, 3))
    unique: dict[str, CardPhone] = {}
    for phone in phones:  # the same number printed twice: the first one wins
        unique.setdefault(phone.value, phone)
    return CardFields(
        name=name, other_name=other_name, title=title, company=company,
        phones=tuple(unique.values()), emails=tuple(dict.fromkeys(emails)), website=website,
        address=addr, note="\n".join(o.text for o in others),
        lines=tuple(line.text for line in lines))
