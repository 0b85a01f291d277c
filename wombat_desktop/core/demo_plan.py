"""The fixed content of the demo plan: the user's profile, messages, checklists, professions.

The user is Alex Morgan, who sells commercial printing for a Portland print shop.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wombat_desktop.core.checklist import MATERIALS, TOOLS
from wombat_desktop.core.model import IncentiveTarget, OrganizationKind

ME_GIVEN, ME_FAMILY = "Alex", "Morgan"
ME_COMPANY = "Inkwell & Alder Printworks"
ME_DOMAIN = "inkwellalder.com"
ME_PROFESSION = "Commercial printing sales"

MATERIAL_TITLES = list(MATERIALS)  # the plan's own 18 items (II.4)
MATERIAL_HAVE = {1, 2, 4, 6, 10, 11, 13, 14, 15, 16, 18}
MATERIAL_NOTES = {
    1: "Eleven letters in the blue folder; the brewery's is the best.",
    4: "Metro Business Weekly piece on the letterpress revival (see clippings).",
    6: "Refresh with the new sustainability paragraph.",
    12: "Ask Dana in finance for last year's summary.",
    17: "Ask the printing industries association after the spring awards.",
}
TOOL_TITLES = list(TOOLS)  # the 3 networking tools (II.5)
TOOL_HAVE = {1, 2}

IMAGE_STATEMENT = (
    "The printer Portland's small businesses call first: fast, fussy about colour, and "
    "generous with introductions. When someone holds a piece we printed, they keep it."
)
BACKGROUND = (
    "Twelve years in commercial print; I started on the press floor at Inkwell & Alder and "
    "now look after 140 business accounts across the Portland metro."
)
PRODUCT_INTRO = (
    "We print the things businesses hand to people: cards, brochures, menus, packaging, "
    "event signage, on recycled stock, with next-day turnaround in the metro area."
)
SERVICES = "Offset and digital print; letterpress; packaging; signage; mailing services"

HOOKS: list[tuple[str, str]] = [
    ("I make paper that people don't throw away.", "for visitors,favourite"),
    ("If your brochure ends up in the recycling bin, call me before the next one does.",
     "for visitors"),
    ("I'm the person who makes your first impression before you walk in the room.",
     "for referral partners"),
    ("Think of me whenever you hear 'we're opening a new location'.", "referral trigger"),
    ("Ink on my hands, colour in my head.", "casual,archived idea"),
]
SCRIPTS: list[tuple[str, int]] = [("Elevator (10 s)", 10), ("Chamber mixer (30 s)", 30),
                                  ("Referral group feature (60 s)", 60)]

PRESS_TOPICS: list[tuple[str, str, str]] = [
    ("Why small businesses are going back to letterpress", "Metro Business Weekly",
     "pitched"),
    ("Five print mistakes that cost restaurants money", "Oregon Restaurant News", "drafting"),
    ("Recycled stock that looks premium: a buyer's guide", "Local radio business hour", "idea"),
    ("Our apprenticeship programme for press operators", "Community newspaper", "idea"),
]
CLIPPINGS: list[tuple[str, str, int]] = [
    ("Letterpress is back, and Portland shops are busy", "Metro Business Weekly", 140),
    ("Chamber honours local printer for volunteer work", "Chamber newsletter", 420),
]

INCENTIVES: list[tuple[IncentiveTarget, str, str, str, bool]] = [
    (IncentiveTarget.CLIENTS, "Thank-you print credit",
     "Clients who refer a new account get $100 off their next order.",
     "Print credit cards; add a referral field to the order form.", True),
    (IncentiveTarget.CLIENTS, "Annual client showcase",
     "A wall of clients' best pieces at our open house each October.",
     "Book the studio; ask ten clients for samples.", False),
    (IncentiveTarget.EMPLOYEES, "Referral bonus for press staff",
     "Staff who bring in an account share 5% of its first-year margin.",
     "Agree terms with the owner; announce at the Monday meeting.", True),
    (IncentiveTarget.SUPPLIERS, "Preferred-supplier mention",
     "Paper merchants who refer buyers get featured in our sample book.",
     "Redesign the sample book credits page.", True),
    (IncentiveTarget.OTHERS, "Partner lunch fund",
     "One lunch a month on us for the sphere partner who sent the most business.",
     "Set a budget line; track referrals received in the app.", True),
]

ORGANIZATIONS: list[tuple[str, OrganizationKind, str, float | None, float | None, str]] = [
    ("Portland Metro Chamber of Commerce", OrganizationKind.CASUAL_CONTACT,
     "monthly mixer, 2nd Thursday", 650.0, 4.0, ""),
    ("Rose City Referral Circle", OrganizationKind.STRONG_CONTACT, "weekly breakfast, Tuesday",
     480.0, 8.0, "Real-estate agent,Mortgage broker,Accountant,Lawyer,Insurance agent,"
     "Banker,Financial planner,Web designer,Commercial printer"),
    ("Eastside Neighbours Service Club", OrganizationKind.COMMUNITY_SERVICE,
     "weekly lunch, Wednesday", 300.0, 6.0, ""),
    ("Pacific Northwest Printing Industries Association", OrganizationKind.PROFESSIONAL,
     "quarterly", 900.0, 2.0, ""),
    ("Pearl District Business Society", OrganizationKind.SOCIAL_BUSINESS,
     "monthly dinner", 250.0, 3.0, ""),
    ("Women in Business Northwest", OrganizationKind.WOMEN_MINORITY, "monthly luncheon", 200.0,
     2.0, ""),
    ("Oregon Small Business Forum (online)", OrganizationKind.ONLINE, "always on", 0.0, 3.0, ""),
]
MY_ROLES: dict[int, tuple[str, str]] = {
    0: ("Ambassador", "Greeter at monthly mixers; name in the newsletter"),
    1: ("Vice president", "Runs the weekly agenda; gives the member spotlight"),
    2: ("Member", "Chairs the holiday food-drive print sponsorship"),
    3: ("Board member", "Speaks at the annual conference"),
    6: ("Moderator", "Answers print questions in the forum"),
}


@dataclass(frozen=True, slots=True)
class Profession:
    name: str
    industry: str
    titles: tuple[str, ...]
    words: tuple[str, ...]  # company-name endings
    sphere: bool = False  # belongs to the user's contact sphere
    tags: tuple[str, ...] = field(default=())


def _p(name: str, industry: str, titles: str, words: str, sphere: bool = False,
       tags: str = "") -> Profession:
    return Profession(name, industry, tuple(titles.split("|")), tuple(words.split("|")),
                      sphere, tuple(t for t in tags.split("|") if t))


PROFESSIONS: list[Profession] = [
    _p("Real-estate agent", "Real estate", "Realtor|Broker associate|Listing agent",
       "Realty|Homes|Properties", True, "real estate"),
    _p("Mortgage broker", "Finance", "Mortgage broker|Loan officer", "Mortgage|Home Lending",
       True, "finance"),
    _p("Financial planner", "Finance", "Certified financial planner|Wealth advisor",
       "Wealth Partners|Financial Planning", True, "finance"),
    _p("Accountant", "Accounting", "CPA|Tax partner|Senior accountant",
       "CPAs|Accounting Group|Tax & Advisory", True, "finance"),
    _p("Lawyer", "Legal", "Attorney|Partner|Associate attorney", "Law Group|LLP|Legal",
       True, "legal"),
    _p("Insurance agent", "Insurance", "Insurance agent|Benefits consultant",
       "Insurance|Risk Advisors", True, "insurance"),
    _p("Banker", "Banking", "Business banker|Branch manager|Relationship manager",
       "Community Bank|Credit Union|Savings Bank", True, "finance"),
    _p("Home inspector", "Real estate services", "Home inspector|Owner",
       "Home Inspections|Inspection Services", False, "real estate"),
    _p("Interior designer", "Design", "Interior designer|Principal", "Interiors|Design Studio",
       False, "design"),
    _p("Web designer", "Marketing", "Web designer|UX lead|Founder", "Web Studio|Digital",
       True, "marketing"),
    _p("Marketing consultant", "Marketing", "Marketing director|Brand strategist",
       "Marketing|Brand Co.|Agency", True, "marketing"),
    _p("Graphic designer", "Design", "Graphic designer|Art director", "Design|Creative",
       True, "design|supplier"),
    _p("IT services", "Technology", "IT consultant|Managed services lead|CTO",
       "IT Solutions|Tech Support|Systems", False, "tech"),
    _p("Photographer", "Creative", "Photographer|Studio owner", "Photography|Studio", False,
       "creative"),
    _p("Event planner", "Hospitality", "Event planner|Catering manager", "Events|Catering",
       False, "events"),
    _p("Paper merchant", "Printing supply", "Sales representative|Account manager",
       "Paper Co.|Paper Supply", False, "supplier"),
    _p("Sign maker", "Printing", "Owner|Production manager", "Signs|Sign & Display", False,
       "supplier"),
    _p("Restaurant owner", "Food & drink", "Owner|General manager", "Bistro|Kitchen|Café",
       False, "client"),
    _p("Brewery marketing", "Food & drink", "Marketing manager|Taproom manager",
       "Brewing|Brewing Co.|Cider House", False, "client"),
    _p("Nonprofit director", "Nonprofit", "Executive director|Development director",
       "Foundation|Alliance|Food Bank", False, "community"),
    _p("Hotel sales", "Hospitality", "Director of sales|Events coordinator", "Hotel|Inn|Lodge",
       False, "client"),
    _p("Business coach", "Consulting", "Business coach|Consultant",
       "Coaching|Consulting|Advisors", True, "consulting"),
    _p("Architect", "Construction", "Architect|Project architect", "Architects|Design Build",
       False, "construction"),
    _p("Dentist", "Health", "Dentist|Practice manager", "Dental|Family Dentistry", False,
       "health"),
]
COMPANY_PLACES = [
    "Willamette", "Cascade", "Rose City", "Pearl", "Hawthorne", "Alder", "Northwest",
    "Bridgetown", "Columbia", "Summit", "Evergreen", "Riverbend", "Mt. Hood", "Burnside",
    "Forest Park", "Tabor", "Sellwood", "Multnomah", "Laurelhurst", "Stumptown",
]
ABROAD_COMPANIES = {
    "JP": ["東京データシステムズ株式会社", "大阪印刷株式会社", "京都デザイン工房"],
    "CN": ["上海华信贸易有限公司", "深圳创新科技有限公司", "北京远景咨询有限公司"],
    "TW": ["台北精品設計有限公司"],
    "RU": ["ООО «Северный ветер»", "АО «Полиграф-Сервис»"],
    "UA": ["ТОВ «Київ Принт»", "ТОВ «Дніпро Консалт»"],
    "DE": ["Müller & Söhne GmbH", "Druckerei Schäfer KG"],
    "FR": ["Imprimerie Lefèvre SARL", "Éditions du Rhône"],
    "ES": ["Gráficas Levante S.L."],
    "MX": ["Diseño y Papel S.A. de C.V."],
    "PL": ["Drukarnia Łódź Sp. z o.o."],
    "SE": ["Tryckeri Åberg AB"],
    "BR": ["Gráfica São Jorge Ltda."],
}
