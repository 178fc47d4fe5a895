"""Demo experts: eight approved experts (the demo expert login among them) and one application
waiting for review. Texts in French, English and Arabic; prices in coins."""

from dataclasses import dataclass, field

#: (slug, French, English, Arabic) of the domains of expertise.
DOMAINS = (
    ("finance", "Finance", "Finance", "المالية"),
    ("wellness", "Bien-être", "Wellness", "الرفاه"),
    ("technology", "Technologie", "Technology", "التكنولوجيا"),
    ("style", "Style", "Style", "الأناقة"),
    ("law", "Droit", "Law", "القانون"),
    ("cooking", "Cuisine", "Cooking", "الطبخ"),
    ("careers", "Carrières", "Careers", "المسار المهني"),
    ("parenting", "Parentalité", "Parenting", "التربية"),
)


@dataclass(frozen=True)
class DemoExpert:
    email: str
    full_name: str
    domains: tuple
    languages: tuple
    bio: tuple  # (fr, en, ar)
    prices: tuple  # (text, video, call per minute); None: not offered
    colours: tuple  # portrait: background, skin, clothes
    booking: str = "on_request"
    approved: bool = True
    extra: dict = field(default_factory=dict)


EXPERTS = (
    DemoExpert(
        "expert@souk.example",
        "Nour Haddad",
        ("finance", "careers"),
        ("fr", "ar", "en"),
        (
            "Conseillère en finances personnelles depuis douze ans : budget, épargne, premier "
            "investissement et négociation de salaire.",
            "Personal finance adviser for twelve years: budgeting, saving, first investments and "
            "salary negotiation.",
            "مستشارة في المالية الشخصية منذ اثني عشر عامًا: الميزانية والادخار "
            "وأول استثمار والتفاوض على الراتب.",
        ),
        (12, 30, 4),
        ((32, 82, 140), (224, 180, 150), (200, 90, 60)),
        booking="instant",
    ),
    DemoExpert(
        "amel.bensalem@experts.souk.example",
        "Amel Ben Salem",
        ("wellness",),
        ("fr", "ar"),
        (
            "Diététicienne et coach de sommeil : des habitudes simples pour mieux manger et mieux dormir.",
            "Dietitian and sleep coach: simple habits to eat and sleep better.",
            "أخصائية تغذية ومدرّبة نوم: عادات بسيطة لأكل أفضل ونوم أعمق.",
        ),
        (8, 20, 3),
        ((90, 150, 110), (200, 150, 120), (240, 200, 80)),
    ),
    DemoExpert(
        "karim.jaziri@experts.souk.example",
        "Karim Jaziri",
        ("technology",),
        ("fr", "en", "ar"),
        (
            "Développeur senior et architecte cloud : choisir ses outils, sécuriser son site, réussir "
            "un entretien technique.",
            "Senior developer and cloud architect: choosing tools, securing a website, passing a "
            "technical interview.",
            "مطوّر أول ومهندس سحابة: اختيار الأدوات وتأمين الموقع والنجاح في المقابلة التقنية.",
        ),
        (15, 35, 5),
        ((60, 60, 90), (190, 140, 110), (40, 120, 180)),
        booking="instant",
    ),
    DemoExpert(
        "ines.trabelsi@experts.souk.example",
        "Inès Trabelsi",
        ("style",),
        ("fr", "en"),
        (
            "Styliste et conseillère en image : garde-robe capsule, couleurs qui vous vont, tenues de "
            "cérémonie.",
            "Stylist and image consultant: capsule wardrobe, colours that suit you, outfits for ceremonies.",
            "مصمّمة أزياء ومستشارة صورة: خزانة ملابس أساسية وألوان تناسبك وملابس المناسبات.",
        ),
        (6, 18, None),
        ((180, 70, 110), (230, 190, 160), (30, 30, 30)),
    ),
    DemoExpert(
        "youssef.mabrouk@experts.souk.example",
        "Youssef Mabrouk",
        ("law",),
        ("ar", "fr"),
        (
            "Avocat au barreau de Tunis : droit du travail, baux, création de société.",
            "Lawyer at the Tunis bar: labour law, leases, company formation.",
            "محامٍ لدى هيئة المحامين بتونس: قانون الشغل والكراء وتأسيس الشركات.",
        ),
        (20, 45, 6),
        ((110, 80, 50), (180, 130, 100), (20, 40, 80)),
    ),
    DemoExpert(
        "leila.chef@experts.souk.example",
        "Leïla Gharsallah",
        ("cooking",),
        ("ar", "fr", "en"),
        (
            "Cheffe de cuisine tunisienne : couscous, pâtisseries de fête et menus de la semaine.",
            "Tunisian chef: couscous, festive pastries and weekly menus.",
            "طاهية تونسية: الكسكسي وحلويات الأعياد وقوائم طعام الأسبوع.",
        ),
        (5, 15, 2),
        ((220, 120, 40), (210, 160, 130), (250, 250, 250)),
        booking="instant",
    ),
    DemoExpert(
        "mehdi.coach@experts.souk.example",
        "Mehdi Khemiri",
        ("careers", "technology"),
        ("fr", "en"),
        (
            "Recruteur devenu coach : CV, LinkedIn, reconversion vers les métiers du numérique.",
            "Recruiter turned coach: CV, LinkedIn, switching to digital careers.",
            "مسؤول توظيف أصبح مدرّبًا: السيرة الذاتية ولينكدإن والتحوّل إلى مهن الرقمنة.",
        ),
        (10, 25, 4),
        ((70, 110, 160), (200, 160, 130), (150, 40, 40)),
    ),
    DemoExpert(
        "salma.parents@experts.souk.example",
        "Salma Dridi",
        ("parenting", "wellness"),
        ("ar", "fr"),
        (
            "Psychologue de l'enfant : sommeil des tout-petits, écrans, rentrée scolaire sereine.",
            "Child psychologist: toddlers' sleep, screens, a calm return to school.",
            "أخصائية نفسية للأطفال: نوم الصغار والشاشات ودخول مدرسي هادئ.",
        ),
        (9, 22, 3),
        ((150, 110, 180), (220, 175, 145), (80, 160, 140)),
    ),
    DemoExpert(
        "rania.applicant@experts.souk.example",
        "Rania Ayari",
        ("style", "wellness"),
        ("fr", "ar"),
        (
            "Maquilleuse professionnelle : maquillage de mariée et routines de soin.",
            "Professional make-up artist: bridal make-up and skincare routines.",
            "خبيرة مكياج محترفة: مكياج العروس وروتين العناية بالبشرة.",
        ),
        (7, 20, None),
        ((200, 140, 160), (225, 185, 155), (60, 60, 60)),
        approved=False,
    ),
)
