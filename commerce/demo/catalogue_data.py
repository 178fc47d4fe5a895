"""What the demo marketplace sells: shops, product classes, categories and products.

Plain data, no database access; ``services.py`` turns it into rows. Each product has a fixed
``number`` from which its UPC and SKUs are derived, so reordering or extending this file never
duplicates a product already seeded. Prices are in TND with at most two decimals, because Oscar's
price columns keep two (see the architecture notes on money).

Every text a shopper reads (titles, descriptions, category, class, attribute and option names) is
written in French, English and Arabic, so each version of the site reads as if written for it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

#: GS1 prefix of Tunisia: demo UPCs look like real Tunisian EAN-13 codes.
GS1_PREFIX = "619"
#: The language whose texts are the natural keys (category names) and the source of translations.
SOURCE_LANGUAGE = "fr"


@dataclass(frozen=True)
class Texts:
    """One text in each site language; French is the source the others translate."""

    fr: str
    en: str
    ar: str

    def by_language(self):
        return {"fr": self.fr, "en": self.en, "ar": self.ar}

    def columns(self, field_name):
        """The translated columns of ``field_name`` (``title_fr``, ``title_en``, …) with these texts."""
        return {f"{field_name}_{language}": text for language, text in self.by_language().items()}


@dataclass(frozen=True)
class Shop:
    """An Oscar partner; ``code`` is its natural key, ``gs1_company`` the middle of its UPCs."""

    code: str
    name: str
    sku_prefix: str
    gs1_company: str


@dataclass(frozen=True)
class OptionSpec:
    """One value of an option attribute; ``code`` is its natural key (Oscar's codes are unique)."""

    code: str
    text: Texts


@dataclass(frozen=True)
class AttributeSpec:
    code: str
    name: Texts
    type: str = "text"
    required: bool = False
    options: tuple[OptionSpec, ...] = ()
    option_group: str = ""


@dataclass(frozen=True)
class ProductClassSpec:
    """A kind of product modelled as an Oscar ``ProductClass`` with attributes, never a subclass."""

    slug: str
    name: Texts
    requires_shipping: bool
    track_stock: bool
    icon: str
    attributes: tuple[AttributeSpec, ...] = ()


@dataclass(frozen=True)
class Variant:
    """A child product: one size/colour combination with its own stock (and price, if it differs).

    ``size`` and ``colour`` are French keys of ``SIZES`` and ``COLOURS``; a variant of another kind
    (a digital product's seats) gives its ``attributes`` instead (codes → option codes).
    """

    size: str
    colour: str
    stock: int
    price: Decimal | None = None
    attributes: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ProductSpec:
    number: int
    shop: str
    product_class: str
    category: str
    title: Texts
    description: Texts
    price: Decimal
    stock: int | None = None
    #: Attribute values by code; an option attribute's value is its option's code.
    attributes: dict = field(default_factory=dict)
    variants: tuple[Variant, ...] = ()
    icon: str = ""

    @property
    def top_category(self):
        return self.category.split(">")[0].strip()


def ean13(twelve_digits):
    """Append the EAN-13 check digit (weights 1 and 3 from the left)."""
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(twelve_digits))
    return f"{twelve_digits}{(10 - total % 10) % 10}"


def upc_for(shop, number, variant_index=0):
    """Stable UPC of a product (``variant_index`` 0) or of one of its variants (1, 2, …)."""
    return ean13(f"{GS1_PREFIX}{shop.gs1_company}{number * 100 + variant_index:05d}")


def sku_for(shop, number, variant_index=0):
    base = f"{shop.sku_prefix}-{number:03d}"
    return f"{base}-{variant_index:02d}" if variant_index else base


def option_code(attribute_code, french_text):
    """Code of a variant option (``colour-bleu-cobalt``), derived from its French text."""
    return f"{attribute_code}-{slugify(french_text)}"


SHOPS = (
    Shop("dar-nabeul", "Dar Nabeul — Céramique & Maison", "DN", "2101"),
    Shop("jebba-co", "Jebba & Co — Mode de la Médina", "JC", "2102"),
    Shop("carthage-digital", "Carthage Digital", "CD", "2103"),
    # The platform itself sells the coin packs: coins are its own currency, not a seller's product.
    Shop("souk", "Souk — Portefeuille", "SK", "2100"),
)
SHOPS_BY_CODE = {shop.code: shop for shop in SHOPS}


@dataclass(frozen=True)
class ShopProfile:
    """What a shopper reads on a shop's page; the logo is drawn from ``initials`` and ``palette``."""

    initials: str
    palette: str
    description: str
    terms_of_sale: str
    refund_policy: str
    contact_email: str
    website_url: str = ""
    instagram_url: str = ""
    facebook_url: str = ""


SHOP_PROFILES = {
    "dar-nabeul": ShopProfile(
        "DN",
        "maison",
        "Atelier familial de Nabeul depuis 1978 : poterie tournée et émaillée à la main, tajines, plats "
        "et lampes en cuivre pour la maison.",
        "Expédition sous 48 h ouvrées partout en Tunisie. Chaque pièce est faite main : de légères "
        "variations de teinte font son charme.",
        "Retour accepté sous 14 jours pour une pièce intacte dans son emballage d'origine ; une pièce "
        "arrivée cassée est remplacée sur simple photo.",
        "contact@dar-nabeul.souk.example",
        instagram_url="https://www.instagram.com/darnabeul.example",
        facebook_url="https://www.facebook.com/darnabeul.example",
    ),
    "jebba-co": ShopProfile(
        "JC",
        "mode",
        "Jebbas, chéchias et babouches de la médina de Tunis, cousues par des artisans du souk "
        "El Blat, en lin, soie et laine.",
        "Confection à la commande pour les tailles sur mesure (7 jours). Expédition suivie.",
        "Échange de taille gratuit sous 10 jours ; remboursement sous 14 jours hors sur-mesure.",
        "bonjour@jebba-co.souk.example",
        instagram_url="https://www.instagram.com/jebbaco.example",
    ),
    "carthage-digital": ShopProfile(
        "CD",
        "high-tech",
        "Guides, modèles et formations numériques pour les indépendants et les petites boutiques "
        "tunisiennes.",
        "Fichiers livrés immédiatement après paiement, licence d'usage personnel ou commercial selon "
        "le produit.",
        "Un fichier défectueux est remplacé ; remboursement sous 7 jours si le fichier n'a pas été "
        "téléchargé.",
        "support@carthage-digital.souk.example",
        website_url="https://carthage-digital.example",
    ),
    "souk": ShopProfile(
        "SK",
        "coins",
        "Les packs de pièces du portefeuille Souk, pour payer les consultations des experts.",
        "Les pièces sont créditées sur votre portefeuille dès le paiement.",
        "Les pièces non utilisées sont remboursables sous 14 jours.",
        "wallet@souk.example",
    ),
}


#: Every size a demo variant comes in, keyed by its French text.
SIZES = {
    "28 cm": Texts("28 cm", "28 cm", "28 سم"),
    "34 cm": Texts("34 cm", "34 cm", "34 سم"),
    "100 × 180 cm": Texts("100 × 180 cm", "100 × 180 cm", "100 × 180 سم"),
    "140 × 200 cm": Texts("140 × 200 cm", "140 × 200 cm", "140 × 200 سم"),
    "170 × 240 cm": Texts("170 × 240 cm", "170 × 240 cm", "170 × 240 سم"),
    "S": Texts("S", "S", "S"),
    "M": Texts("M", "M", "M"),
    "L": Texts("L", "L", "L"),
    "XL": Texts("XL", "XL", "XL"),
    "40": Texts("40", "40", "40"),
    "41": Texts("41", "41", "41"),
    "42": Texts("42", "42", "42"),
    "43": Texts("43", "43", "43"),
    "56": Texts("56", "56", "56"),
    "58": Texts("58", "58", "58"),
    "60": Texts("60", "60", "60"),
    "128 Go": Texts("128 Go", "128 GB", "128 غيغابايت"),
    "256 Go": Texts("256 Go", "256 GB", "256 غيغابايت"),
    "Zitouna X5": Texts("Zitouna X5", "Zitouna X5", "زيتونة X5"),
    "Universelle 6,5 pouces": Texts("Universelle 6,5 pouces", "Universal 6.5-inch", "عالمية 6.5 بوصة"),
}

#: Every colour a demo variant comes in, keyed by its French text.
COLOURS = {
    "Blanc": Texts("Blanc", "White", "أبيض"),
    "Noir": Texts("Noir", "Black", "أسود"),
    "Rouge": Texts("Rouge", "Red", "أحمر"),
    "Bleu": Texts("Bleu", "Blue", "أزرق"),
    "Naturel": Texts("Naturel", "Natural", "طبيعي"),
    "Écru": Texts("Écru", "Ecru", "عاجي"),
    "Bleu cobalt": Texts("Bleu cobalt", "Cobalt blue", "أزرق كوبالتي"),
    "Vert olive": Texts("Vert olive", "Olive green", "أخضر زيتوني"),
    "Rouge garance": Texts("Rouge garance", "Madder red", "أحمر قرمزي"),
    "Bleu lagon": Texts("Bleu lagon", "Lagoon blue", "أزرق بحيري"),
    "Rouge corail": Texts("Rouge corail", "Coral red", "أحمر مرجاني"),
    "Vert menthe": Texts("Vert menthe", "Mint green", "أخضر نعناعي"),
    "Gris perle": Texts("Gris perle", "Pearl grey", "رمادي لؤلؤي"),
    "Bleu nuit": Texts("Bleu nuit", "Midnight blue", "أزرق داكن"),
    "Noir graphite": Texts("Noir graphite", "Graphite black", "أسود غرافيتي"),
    "Bleu Méditerranée": Texts("Bleu Méditerranée", "Mediterranean blue", "أزرق متوسطي"),
    "Bleu et ocre": Texts("Bleu et ocre", "Blue and ochre", "أزرق وبلون المغرة"),
}

BILLING_INTERVALS = (
    OptionSpec("billing-day", Texts("jour", "day", "يوم")),
    OptionSpec("billing-week", Texts("semaine", "week", "أسبوع")),
    OptionSpec("billing-month", Texts("mois", "month", "شهر")),
    OptionSpec("billing-year", Texts("année", "year", "سنة")),
)


def _variant_options(attribute_code, texts):
    return tuple(OptionSpec(option_code(attribute_code, key), text) for key, text in texts.items())


PRODUCT_CLASSES = (
    ProductClassSpec(
        "physical",
        Texts("Produit physique", "Physical product", "منتج مادي"),
        requires_shipping=True,
        track_stock=True,
        icon="bag",
        # Options, not free text: option values are translated (see commerce/catalogue/translation.py).
        attributes=(
            AttributeSpec(
                "size",
                Texts("Taille", "Size", "المقاس"),
                "option",
                options=_variant_options("size", SIZES),
                option_group="Tailles",
            ),
            AttributeSpec(
                "colour",
                Texts("Couleur", "Colour", "اللون"),
                "option",
                options=_variant_options("colour", COLOURS),
                option_group="Couleurs",
            ),
        ),
    ),
    ProductClassSpec(
        "digital",
        Texts("Produit numérique", "Digital product", "منتج رقمي"),
        requires_shipping=False,
        track_stock=False,
        icon="document",
        attributes=(
            AttributeSpec(
                "file_format", Texts("Format de fichier", "File format", "صيغة الملف"), required=True
            ),
            # Licence seats sold as variants at their own price; "seats-0" is unlimited
            # (commerce.digital.selectors reads the number at the end of the code).
            AttributeSpec(
                "seats",
                Texts("Postes", "Seats", "المقاعد"),
                "option",
                options=(
                    OptionSpec("seats-1", Texts("1 poste", "1 seat", "مقعد واحد")),
                    OptionSpec("seats-5", Texts("5 postes", "5 seats", "5 مقاعد")),
                    OptionSpec("seats-0", Texts("Postes illimités", "Unlimited seats", "مقاعد غير محدودة")),
                ),
                option_group="Postes de licence",
            ),
        ),
    ),
    ProductClassSpec(
        "service",
        Texts("Service", "Service", "خدمة"),
        requires_shipping=False,
        track_stock=False,
        icon="clock",
        attributes=(
            AttributeSpec(
                "duration_minutes",
                Texts("Durée (minutes)", "Duration (minutes)", "المدة (بالدقائق)"),
                "integer",
                required=True,
            ),
        ),
    ),
    ProductClassSpec(
        "subscription",
        Texts("Abonnement", "Subscription", "اشتراك"),
        requires_shipping=False,
        track_stock=False,
        icon="cycle",
        attributes=(
            AttributeSpec(
                "billing_interval",
                Texts("Période de facturation", "Billing period", "فترة الفوترة"),
                "option",
                required=True,
                options=BILLING_INTERVALS,
                option_group="Billing interval",
            ),
            AttributeSpec(
                "interval_count",
                Texts("Nombre de périodes", "Number of periods", "عدد الفترات"),
                "integer",
                required=True,
            ),
        ),
    ),
    ProductClassSpec(
        "coin-pack",
        Texts("Pack de coins", "Coin pack", "باقة نقاط"),
        requires_shipping=False,
        track_stock=False,
        icon="coins",
        attributes=(
            AttributeSpec(
                "coins", Texts("Nombre de coins", "Number of coins", "عدد النقاط"), "integer", required=True
            ),
        ),
    ),
)

#: Every category of the demo tree (French names, the natural key), including those no product uses yet.
CATEGORIES = (
    "Maison > Céramique",
    "Maison > Textile de maison",
    "Maison > Décoration",
    "Mode > Femme",
    "Mode > Homme",
    "Mode > Accessoires",
    "High-tech > Téléphonie",
    "High-tech > Audio",
    "High-tech > Informatique",
    "Beauté > Soins naturels",
    "Beauté > Parfums",
    "Livres & fichiers numériques > E-books",
    "Livres & fichiers numériques > Modèles & patrons",
    "Services > Ateliers",
    "Services > Dépannage & installation",
    "Services > Cours",
    "Services > Couture & retouches",
    "Abonnements",
    "Coins",
)

#: The name of each category of the tree in every language, keyed by its French name.
CATEGORY_NAMES = {
    "Maison": Texts("Maison", "Home", "المنزل"),
    "Céramique": Texts("Céramique", "Ceramics", "الخزف"),
    "Textile de maison": Texts("Textile de maison", "Home textiles", "المفروشات"),
    "Décoration": Texts("Décoration", "Decoration", "الديكور"),
    "Mode": Texts("Mode", "Fashion", "الأزياء"),
    "Femme": Texts("Femme", "Women", "نساء"),
    "Homme": Texts("Homme", "Men", "رجال"),
    "Accessoires": Texts("Accessoires", "Accessories", "إكسسوارات"),
    "High-tech": Texts("High-tech", "Electronics", "الإلكترونيات"),
    "Téléphonie": Texts("Téléphonie", "Phones", "الهواتف"),
    "Audio": Texts("Audio", "Audio", "الصوتيات"),
    "Informatique": Texts("Informatique", "Computing", "الحواسيب"),
    "Beauté": Texts("Beauté", "Beauty", "الجمال"),
    "Soins naturels": Texts("Soins naturels", "Natural care", "العناية الطبيعية"),
    "Parfums": Texts("Parfums", "Fragrances", "العطور"),
    "Livres & fichiers numériques": Texts(
        "Livres & fichiers numériques", "Books & digital files", "الكتب والملفات الرقمية"
    ),
    "E-books": Texts("E-books", "E-books", "الكتب الإلكترونية"),
    "Modèles & patrons": Texts("Modèles & patrons", "Templates & patterns", "القوالب والباترونات"),
    "Services": Texts("Services", "Services", "الخدمات"),
    "Ateliers": Texts("Ateliers", "Workshops", "الورشات"),
    "Dépannage & installation": Texts("Dépannage & installation", "Repairs & set-up", "الإصلاح والتركيب"),
    "Cours": Texts("Cours", "Lessons", "الدروس"),
    "Couture & retouches": Texts("Couture & retouches", "Sewing & alterations", "الخياطة والتعديلات"),
    "Abonnements": Texts("Abonnements", "Subscriptions", "الاشتراكات"),
    "Coins": Texts("Coins", "Coins", "النقاط"),
}

#: Palette (see ``images.PALETTES``) and default icon of each top-level category.
CATEGORY_LOOKS = {
    "Maison": ("maison", "vase"),
    "Mode": ("mode", "hanger"),
    "High-tech": ("high-tech", "device"),
    "Beauté": ("beaute", "bottle"),
    "Livres & fichiers numériques": ("livres", "document"),
    "Services": ("services", "clock"),
    "Abonnements": ("abonnements", "cycle"),
    "Coins": ("coins", "coins"),
}

#: Icons that suit a sub-category better than its top-level one.
SUBCATEGORY_ICONS = {
    "Maison > Textile de maison": "textile",
    "Mode > Accessoires": "bag",
    "High-tech > Audio": "headphones",
    "High-tech > Informatique": "laptop",
}

D = Decimal

PRODUCTS = (
    # --- Dar Nabeul: ceramics, home textiles, natural beauty ----------------------------------
    ProductSpec(
        1,
        "dar-nabeul",
        "physical",
        "Maison > Céramique",
        Texts(
            "Plat à couscous en céramique de Nabeul",
            "Nabeul ceramic couscous dish",
            "صحن كسكسي من خزف نابل",
        ),
        Texts(
            "Tourné et peint à la main dans un atelier de Nabeul, ce plat creux accueille le couscous "
            "du vendredi comme les salades de fruits.\n\nÉmail sans plomb, compatible lave-vaisselle.",
            "Thrown and painted by hand in a Nabeul workshop, this deep dish is made for the Friday "
            "couscous as much as for fruit salads.\n\nLead-free glaze, dishwasher safe.",
            "صحن عميق مصنوع على الدولاب ومرسوم باليد في ورشة بنابل، يليق بكسكسي يوم الجمعة كما يليق "
            "بسلطة الغلال.\n\nطلاء خالٍ من الرصاص، يُغسل في آلة غسل الأواني.",
        ),
        D("64.90"),
        variants=(
            Variant("28 cm", "Bleu cobalt", 12),
            Variant("28 cm", "Vert olive", 7),
            Variant("34 cm", "Bleu cobalt", 4, D("84.90")),
            Variant("34 cm", "Vert olive", 0, D("84.90")),
        ),
    ),
    ProductSpec(
        2,
        "dar-nabeul",
        "physical",
        "Maison > Céramique",
        Texts(
            "Assiettes peintes main (lot de 6)",
            "Hand-painted plates (set of 6)",
            "أطباق مرسومة باليد (طقم من 6)",
        ),
        Texts(
            "Six assiettes plates aux motifs floraux jaunes et bleus, chacune unique.\n\n"
            "Diamètre 26 cm, émail alimentaire.",
            "Six dinner plates with yellow and blue floral patterns, each one unique.\n\n"
            "26 cm across, food-safe glaze.",
            "ستة أطباق مسطحة بزخارف نباتية صفراء وزرقاء، لكل طبق طابعه الخاص.\n\n"
            "القطر 26 سم، طلاء آمن للطعام.",
        ),
        D("89.00"),
        stock=15,
    ),
    ProductSpec(
        3,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        Texts(
            "Jarre décorative en terre cuite",
            "Decorative terracotta jar",
            "جرّة زينة من الفخار",
        ),
        Texts(
            "Une jarre de 60 cm inspirée des amphores puniques, pour l'entrée ou le jardin.\n\n"
            "Terre cuite naturelle, finition à la cire d'abeille.",
            "A 60 cm jar modelled on Punic amphorae, for the hallway or the garden.\n\n"
            "Natural terracotta with a beeswax finish.",
            "جرّة بارتفاع 60 سم مستوحاة من الأمفورات البونية، للمدخل أو للحديقة.\n\n"
            "فخار طبيعي مصقول بشمع النحل.",
        ),
        D("120.00"),
        stock=2,
    ),
    ProductSpec(
        4,
        "dar-nabeul",
        "physical",
        "Maison > Céramique",
        Texts(
            "Tajine en terre cuite émaillée",
            "Glazed terracotta tagine",
            "طاجين من الفخار المطلي",
        ),
        Texts(
            "Pour les tajines au four et les ojjas mijotées : la terre cuite garde la chaleur et le goût.",
            "For oven-baked tagines and slow-cooked ojja: terracotta keeps in the heat and the flavour.",
            "للطواجن في الفرن وللعجّة على نار هادئة: الفخار يحفظ الحرارة والنكهة.",
        ),
        D("45.00"),
        stock=20,
    ),
    ProductSpec(
        5,
        "dar-nabeul",
        "physical",
        "Maison > Céramique",
        Texts(
            "Bol à harissa « Klila »",
            "“Klila” harissa bowl",
            "زبدية هريسة «كليلة»",
        ),
        Texts(
            "Petit bol à condiments peint de poissons porte-bonheur, parfait pour la harissa et "
            "l'huile d'olive.",
            "A small condiment bowl painted with lucky fish, just right for harissa and olive oil.",
            "زبدية صغيرة للتوابل مزيّنة بأسماك جالبة للحظ، مثالية للهريسة وزيت الزيتون.",
        ),
        D("18.50"),
        stock=40,
    ),
    ProductSpec(
        6,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        Texts(
            "Poterie de Sejnane modelée main",
            "Hand-shaped Sejnane pottery",
            "فخار سجنان المشكّل باليد",
        ),
        Texts(
            "Modelée et décorée par les potières de Sejnane, savoir-faire inscrit au patrimoine de "
            "l'UNESCO.\n\nPièce unique : les formes et les motifs varient d'un exemplaire à l'autre.",
            "Shaped and decorated by the women potters of Sejnane, a craft on UNESCO's heritage list."
            "\n\nOne of a kind: shapes and patterns vary from piece to piece.",
            "تشكّلها وتزيّنها خزّافات سجنان، وهي حرفة مدرجة في قائمة التراث لدى اليونسكو.\n\n"
            "قطعة فريدة: تختلف الأشكال والزخارف من قطعة إلى أخرى.",
        ),
        D("150.00"),
        stock=0,
    ),
    ProductSpec(
        7,
        "dar-nabeul",
        "physical",
        "Maison > Textile de maison",
        Texts(
            "Kilim tissé main de Kairouan",
            "Hand-woven Kairouan kilim",
            "كليم قيرواني منسوج باليد",
        ),
        Texts(
            "Tapis plat en laine tissé sur métier traditionnel, motifs géométriques berbères.",
            "A flat-woven wool rug made on a traditional loom, with Berber geometric patterns.",
            "زربية مسطحة من الصوف منسوجة على المنسج التقليدي، بزخارف أمازيغية هندسية.",
        ),
        D("390.00"),
        variants=(
            Variant("140 × 200 cm", "Rouge garance", 3),
            Variant("140 × 200 cm", "Écru", 5),
            Variant("170 × 240 cm", "Rouge garance", 2, D("520.00")),
        ),
    ),
    ProductSpec(
        8,
        "dar-nabeul",
        "physical",
        "Maison > Textile de maison",
        Texts(
            "Fouta de plage en coton",
            "Cotton beach fouta",
            "فوطة بحر قطنية",
        ),
        Texts(
            "La fouta tissée à Ksar Hellal : légère, absorbante, elle sèche en un rien de temps.\n\n"
            "100 × 180 cm, franges nouées main.",
            "The fouta woven in Ksar Hellal: light and absorbent, it dries in no time.\n\n"
            "100 × 180 cm, hand-knotted fringes.",
            "الفوطة المنسوجة في قصر هلال: خفيفة وماصّة وتجفّ في لمح البصر.\n\n"
            "100 × 180 سم، بأهداب معقودة باليد.",
        ),
        D("35.00"),
        variants=(
            Variant("100 × 180 cm", "Bleu lagon", 25),
            Variant("100 × 180 cm", "Rouge corail", 18),
            Variant("100 × 180 cm", "Vert menthe", 3),
        ),
    ),
    ProductSpec(
        9,
        "dar-nabeul",
        "physical",
        "Maison > Textile de maison",
        Texts(
            "Coussin brodé motif berbère",
            "Berber embroidered cushion",
            "وسادة مطرّزة بزخارف أمازيغية",
        ),
        Texts(
            "Housse en lin brodée de losanges et de chevrons, garnissage en plumes inclus.",
            "A linen cover embroidered with diamonds and chevrons, feather filling included.",
            "غطاء من الكتان مطرّز بالمعيّنات والخطوط المتعرّجة، مع حشوة من الريش.",
        ),
        D("55.00"),
        stock=9,
    ),
    ProductSpec(
        10,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        Texts(
            "Lanterne en cuivre ciselé",
            "Chased copper lantern",
            "فانوس من النحاس المنقوش",
        ),
        Texts(
            "Lanterne ajourée par les dinandiers du souk En-Nhas de Tunis : "
            "elle projette des étoiles sur les murs.",
            "Pierced by the coppersmiths of the Souk En-Nhas in Tunis, it casts stars on the walls.",
            "فانوس مخرّم بأيدي نحّاسي سوق النحاس بتونس، يرسم النجوم على الجدران.",
        ),
        D("95.00"),
        stock=6,
    ),
    ProductSpec(
        11,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        Texts(
            "Miroir cadre en mosaïque",
            "Mosaic-framed mirror",
            "مرآة بإطار من الفسيفساء",
        ),
        Texts(
            "Cadre en éclats de céramique bleue et blanche assemblés à la main, 50 cm de diamètre.",
            "A frame of blue and white ceramic shards set by hand, 50 cm across.",
            "إطار من قطع الخزف الأزرق والأبيض مركّبة باليد، قطره 50 سم.",
        ),
        D("130.00"),
        stock=4,
    ),
    ProductSpec(
        12,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        Texts(
            "Savon à l'huile d'olive et au laurier",
            "Olive oil and laurel soap",
            "صابون بزيت الزيتون والرند",
        ),
        Texts(
            "Saponifié à froid avec l'huile d'olive de Sfax et l'huile de baies de laurier, "
            "pour toute la famille.",
            "Cold-process soap made with olive oil from Sfax and laurel berry oil, for the whole family.",
            "صابون مصنوع على البارد بزيت زيتون صفاقس وزيت حبّ الرند، لكل أفراد العائلة.",
        ),
        D("9.90"),
        stock=120,
    ),
    ProductSpec(
        13,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        Texts(
            "Eau de fleur d'oranger de Nabeul 250 ml",
            "Nabeul orange blossom water 250 ml",
            "ماء الزهر النابلي 250 مل",
        ),
        Texts(
            "Le zhar distillé chaque printemps à Nabeul : pour les pâtisseries, le thé et une peau apaisée.",
            "Zhar distilled in Nabeul every spring: for pastries, tea and soothed skin.",
            "الزهر المقطّر كل ربيع في نابل: للحلويات والشاي ولبشرة هادئة.",
        ),
        D("14.50"),
        stock=60,
    ),
    ProductSpec(
        14,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        Texts(
            "Huile de figue de Barbarie bio 30 ml",
            "Organic prickly pear seed oil 30 ml",
            "زيت بذور الهندي العضوي 30 مل",
        ),
        Texts(
            "Pressée à froid à partir des pépins de figue de Barbarie de Kasserine, riche en vitamine E.",
            "Cold-pressed from the seeds of Kasserine prickly pears, rich in vitamin E.",
            "معصور على البارد من بذور الهندي (التين الشوكي) من القصرين، غنيّ بفيتامين E.",
        ),
        D("69.00"),
        stock=3,
    ),
    ProductSpec(
        15,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        Texts(
            "Henné naturel de Gabès 200 g",
            "Natural henna from Gabès 200 g",
            "حنّاء قابس الطبيعية 200 غ",
        ),
        Texts(
            "Feuilles de henné des oasis de Gabès, séchées au soleil et finement tamisées.",
            "Henna leaves from the oases of Gabès, sun-dried and finely sifted.",
            "أوراق حنّاء من واحات قابس، مجفّفة تحت الشمس ومغربلة بعناية.",
        ),
        D("12.00"),
        stock=45,
    ),
    ProductSpec(
        16,
        "dar-nabeul",
        "physical",
        "Beauté > Parfums",
        Texts(
            "Eau de parfum Jasmin de Tunis 50 ml",
            "Jasmine of Tunis eau de parfum 50 ml",
            "عطر ياسمين تونس 50 مل",
        ),
        Texts(
            "Un sillage de mechmoum, le bouquet de jasmin que l'on porte à l'oreille les soirs d'été.",
            "A trail of mechmoum, the jasmine posy worn behind the ear on summer evenings.",
            "عبق المشموم، باقة الياسمين التي توضع خلف الأذن في سهرات الصيف.",
        ),
        D("79.00"),
        stock=14,
    ),
    ProductSpec(
        17,
        "dar-nabeul",
        "digital",
        "Livres & fichiers numériques > E-books",
        Texts(
            "Recettes de ma grand-mère (e-book)",
            "My grandmother's recipes (e-book)",
            "وصفات جدّتي (كتاب إلكتروني)",
        ),
        Texts(
            "Quarante recettes de famille, du couscous au poisson aux makrouds, illustrées pas à pas."
            "\n\nFichier PDF de 120 pages, téléchargeable après paiement.",
            "Forty family recipes, from fish couscous to makroud, illustrated step by step.\n\n"
            "A 120-page PDF, ready to download once paid.",
            "أربعون وصفة عائلية، من كسكسي الحوت إلى المقروض، مشروحة خطوة بخطوة بالصور.\n\n"
            "ملف PDF من 120 صفحة، يُحمَّل بعد الدفع.",
        ),
        D("19.90"),
        attributes={"file_format": "PDF"},
    ),
    ProductSpec(
        18,
        "dar-nabeul",
        "service",
        "Services > Ateliers",
        Texts(
            "Atelier poterie à Nabeul (2 h)",
            "Pottery workshop in Nabeul (2 h)",
            "ورشة فخار في نابل (ساعتان)",
        ),
        Texts(
            "Initiez-vous au tour avec un maître potier et repartez avec votre pièce émaillée.\n\n"
            "Groupe de six personnes au plus, matériel fourni.",
            "Learn the wheel with a master potter and go home with your own glazed piece.\n\n"
            "Six people at most, materials provided.",
            "تعلّم العمل على الدولاب مع معلّم خزّاف وعُد إلى بيتك بقطعتك المطلية.\n\n"
            "ستة أشخاص على الأكثر، والأدوات متوفّرة.",
        ),
        D("60.00"),
        attributes={"duration_minutes": 120},
    ),
    # --- Jebba & Co: fashion from the medina --------------------------------------------------
    ProductSpec(
        19,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        Texts(
            "Chéchia traditionnelle en laine",
            "Traditional wool chechia",
            "شاشية تقليدية من الصوف",
        ),
        Texts(
            "Feutrée et teinte à la main par les chaouachis du souk de Tunis, "
            "une tradition vieille de quatre siècles.",
            "Felted and dyed by hand by the chechia makers of the Tunis souk, a four-hundred-year-old "
            "tradition.",
            "تُلبَّد وتُصبغ يدويًا على أيدي الشواشية في سوق تونس، في تقليد عمره أربعة قرون.",
        ),
        D("42.00"),
        variants=(
            Variant("56", "Rouge", 10),
            Variant("58", "Rouge", 8),
            Variant("60", "Rouge", 2),
        ),
    ),
    ProductSpec(
        20,
        "jebba-co",
        "physical",
        "Mode > Homme",
        Texts(
            "Jebba homme en lin",
            "Men's linen jebba",
            "جبّة رجالية من الكتان",
        ),
        Texts(
            "La jebba revisitée : coupe droite, lin léger et passementerie discrète, "
            "pour les fêtes comme pour l'été.",
            "The jebba, revisited: a straight cut, light linen and subtle braiding, for celebrations "
            "and for summer.",
            "الجبّة بروح جديدة: قصّة مستقيمة وكتان خفيف وتطريز رقيق، للأعياد وللصيف.",
        ),
        D("249.00"),
        variants=(
            Variant("M", "Écru", 6),
            Variant("L", "Écru", 5),
            Variant("XL", "Écru", 2),
            Variant("M", "Gris perle", 4),
            Variant("L", "Gris perle", 3),
        ),
    ),
    ProductSpec(
        21,
        "jebba-co",
        "physical",
        "Mode > Femme",
        Texts(
            "Blouse brodée Kaftan",
            "Embroidered kaftan blouse",
            "بلوزة قفطان مطرّزة",
        ),
        Texts(
            "Blouse fluide en coton, encolure brodée au fil doré selon les motifs de Mahdia.",
            "A flowing cotton blouse, its neckline embroidered in gold thread with Mahdia patterns.",
            "بلوزة قطنية منسدلة، ياقتها مطرّزة بخيط ذهبي على طريقة زخارف المهدية.",
        ),
        D("119.00"),
        variants=(
            Variant("S", "Blanc", 7),
            Variant("M", "Blanc", 9),
            Variant("L", "Blanc", 4),
            Variant("M", "Bleu nuit", 5),
        ),
    ),
    ProductSpec(
        22,
        "jebba-co",
        "physical",
        "Mode > Homme",
        Texts(
            "T-shirt Sidi Bou Saïd en coton bio",
            "Sidi Bou Said organic cotton T-shirt",
            "قميص سيدي بوسعيد من القطن العضوي",
        ),
        Texts(
            "Coton biologique épais, sérigraphie des portes bleues de Sidi Bou Saïd.",
            "Heavy organic cotton, screen-printed with the blue doors of Sidi Bou Said.",
            "قطن عضوي سميك، مطبوع عليه أبواب سيدي بوسعيد الزرقاء.",
        ),
        D("39.90"),
        variants=(
            Variant("S", "Blanc", 20),
            Variant("M", "Blanc", 25),
            Variant("L", "Blanc", 18),
            Variant("XL", "Blanc", 6),
            Variant("M", "Bleu", 12),
            Variant("L", "Bleu", 1),
        ),
    ),
    ProductSpec(
        23,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        Texts(
            "Balgha, babouches en cuir",
            "Balgha leather slippers",
            "بلغة جلدية",
        ),
        Texts(
            "Babouches en cuir de chèvre cousues main, semelle souple, bout arrondi à la tunisienne.",
            "Hand-stitched goatskin slippers with a soft sole and the rounded Tunisian toe.",
            "بلغة من جلد الماعز مخيطة باليد، بنعل ليّن ومقدّمة مستديرة على الطريقة التونسية.",
        ),
        D("59.00"),
        variants=(
            Variant("40", "Naturel", 6),
            Variant("41", "Naturel", 8),
            Variant("42", "Naturel", 5),
            Variant("43", "Noir", 3),
        ),
    ),
    ProductSpec(
        24,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        Texts(
            "Sac cabas en alfa",
            "Alfa grass tote bag",
            "قفّة من الحلفاء",
        ),
        Texts(
            "Tressé à la main en alfa de Kasserine, anses en cuir : le panier du marché, version ville.",
            "Hand-plaited from Kasserine alfa grass with leather handles: the market basket, made for town.",
            "مضفورة يدويًا من حلفاء القصرين بمقابض جلدية: قفّة السوق بلمسة عصرية.",
        ),
        D("45.00"),
        stock=16,
    ),
    ProductSpec(
        25,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        Texts(
            "Bracelet berbère en argent",
            "Berber silver bracelet",
            "سوار أمازيغي من الفضة",
        ),
        Texts(
            "Bracelet manchette en argent 925 gravé de motifs amazighs par un bijoutier de Djerba.",
            "A sterling silver cuff engraved with Amazigh patterns by a Djerba jeweller.",
            "سوار عريض من الفضة عيار 925 نقش عليه صائغ من جربة زخارف أمازيغية.",
        ),
        D("110.00"),
        stock=2,
    ),
    ProductSpec(
        26,
        "jebba-co",
        "physical",
        "Mode > Femme",
        Texts(
            "Foulard en soie imprimé jasmin",
            "Jasmine print silk scarf",
            "وشاح حريري بنقشة الياسمين",
        ),
        Texts(
            "Carré de soie 90 × 90 cm, fleurs de jasmin sur fond bleu de Sidi Bou Saïd.",
            "A 90 × 90 cm silk square, jasmine flowers on Sidi Bou Said blue.",
            "مربّع من الحرير بقياس 90 × 90 سم، زهور ياسمين على أزرق سيدي بوسعيد.",
        ),
        D("65.00"),
        stock=11,
    ),
    ProductSpec(
        27,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        Texts(
            "Ceinture en cuir tressé",
            "Braided leather belt",
            "حزام من الجلد المضفور",
        ),
        Texts(
            "Cuir de vachette tanné végétal, boucle en laiton vieilli.",
            "Vegetable-tanned cowhide with an antique brass buckle.",
            "جلد بقري مدبوغ نباتيًا، بإبزيم من النحاس الأصفر العتيق.",
        ),
        D("49.90"),
        stock=0,
    ),
    ProductSpec(
        28,
        "jebba-co",
        "digital",
        "Livres & fichiers numériques > Modèles & patrons",
        Texts(
            "Patron de couture : jebba moderne",
            "Sewing pattern: modern jebba",
            "باترون خياطة: جبّة عصرية",
        ),
        Texts(
            "Patron multi-tailles (S à XXL) à imprimer chez soi, avec un guide de montage illustré.",
            "A multi-size pattern (S to XXL) to print at home, with an illustrated sewing guide.",
            "باترون بعدّة مقاسات (من S إلى XXL) للطباعة في البيت، مع دليل خياطة مصوّر.",
        ),
        D("24.00"),
        attributes={"file_format": "PDF"},
    ),
    ProductSpec(
        29,
        "jebba-co",
        "service",
        "Services > Couture & retouches",
        Texts(
            "Retouche et ajustement sur mesure",
            "Made-to-measure alterations",
            "تعديل الملابس حسب المقاس",
        ),
        Texts(
            "Ourlets, cintrage, reprise d'épaules : nos couturières ajustent vos vêtements en atelier.",
            "Hems, taking in, reworked shoulders: our seamstresses fit your clothes in the workshop.",
            "تقصير وتضييق وتعديل الأكتاف: خيّاطاتنا يضبطن ملابسك في الورشة.",
        ),
        D("25.00"),
        attributes={"duration_minutes": 45},
    ),
    ProductSpec(
        30,
        "jebba-co",
        "subscription",
        "Abonnements",
        Texts(
            "Cours de couture en ligne (mensuel)",
            "Online sewing lessons (monthly)",
            "دروس خياطة عبر الإنترنت (شهريًا)",
        ),
        Texts(
            "Deux nouveaux cours vidéo par mois et une séance de questions en direct avec l'atelier.",
            "Two new video lessons a month and a live question session with the workshop.",
            "درسان جديدان بالفيديو كل شهر وجلسة أسئلة مباشرة مع الورشة.",
        ),
        D("39.00"),
        attributes={"billing_interval": "billing-month", "interval_count": 1},
    ),
    # --- Carthage Digital: devices, files, services and cloud ---------------------------------
    ProductSpec(
        31,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        Texts(
            "Smartphone Zitouna X5",
            "Zitouna X5 smartphone",
            "هاتف ذكي زيتونة X5",
        ),
        Texts(
            "Écran AMOLED 6,5 pouces, double SIM, batterie 5 000 mAh.\n\nGarantie deux ans, SAV à Tunis.",
            "6.5-inch AMOLED screen, dual SIM, 5,000 mAh battery.\n\n"
            "Two-year warranty, after-sales service in Tunis.",
            "شاشة AMOLED بقياس 6.5 بوصة، شريحتان، بطارية 5000 مللي أمبير.\n\n"
            "ضمان لمدة سنتين وخدمة ما بعد البيع في تونس.",
        ),
        D("899.00"),
        variants=(
            Variant("128 Go", "Noir graphite", 8),
            Variant("128 Go", "Bleu Méditerranée", 5),
            Variant("256 Go", "Noir graphite", 2, D("1049.00")),
        ),
    ),
    ProductSpec(
        32,
        "carthage-digital",
        "physical",
        "High-tech > Audio",
        Texts(
            "Écouteurs sans fil Bluetooth",
            "Wireless Bluetooth earbuds",
            "سماعات أذن لاسلكية بلوتوث",
        ),
        Texts(
            "Réduction de bruit active, 30 heures d'autonomie avec le boîtier, recharge USB-C.",
            "Active noise cancelling, 30 hours of battery life with the case, USB-C charging.",
            "عزل نشط للضوضاء، 30 ساعة من التشغيل مع العلبة، شحن عبر USB-C.",
        ),
        D("129.00"),
        stock=25,
    ),
    ProductSpec(
        33,
        "carthage-digital",
        "physical",
        "High-tech > Audio",
        Texts(
            "Enceinte portable étanche",
            "Waterproof portable speaker",
            "مكبّر صوت محمول مقاوم للماء",
        ),
        Texts(
            "Étanche IP67, elle flotte dans la piscine et tient 12 heures sur une charge.",
            "IP67 waterproof: it floats in the pool and plays for 12 hours on one charge.",
            "مقاوم للماء بمعيار IP67، يطفو في المسبح ويعمل 12 ساعة بشحنة واحدة.",
        ),
        D("189.00"),
        stock=3,
    ),
    ProductSpec(
        34,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        Texts(
            "Chargeur rapide USB-C 65 W",
            "65 W USB-C fast charger",
            "شاحن سريع USB-C بقوة 65 واط",
        ),
        Texts(
            "Recharge un ordinateur portable et un téléphone en même temps, prise tunisienne (type C).",
            "Charges a laptop and a phone at the same time, Tunisian plug (type C).",
            "يشحن حاسوبًا محمولًا وهاتفًا في الوقت نفسه، بقابس تونسي (النوع C).",
        ),
        D("59.00"),
        stock=30,
    ),
    ProductSpec(
        35,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        Texts(
            "Batterie externe 20 000 mAh",
            "20,000 mAh power bank",
            "بطارية خارجية 20000 مللي أمبير",
        ),
        Texts(
            "Deux ports USB-C et un port USB-A, de quoi recharger un smartphone quatre fois.",
            "Two USB-C ports and one USB-A port: enough to charge a smartphone four times.",
            "منفذان USB-C ومنفذ USB-A، ما يكفي لشحن هاتف ذكي أربع مرات.",
        ),
        D("89.00"),
        stock=12,
    ),
    ProductSpec(
        36,
        "carthage-digital",
        "physical",
        "High-tech > Informatique",
        Texts(
            "Clavier bilingue AZERTY-arabe rétroéclairé",
            "Backlit bilingual AZERTY-Arabic keyboard",
            "لوحة مفاتيح مضيئة ثنائية اللغة عربي-AZERTY",
        ),
        Texts(
            "Touches gravées en français et en arabe, rétroéclairage blanc, connexion sans fil 2,4 GHz.",
            "Keys engraved in French and Arabic, white backlight, 2.4 GHz wireless connection.",
            "مفاتيح محفورة بالفرنسية والعربية، إضاءة خلفية بيضاء، اتصال لاسلكي 2.4 غيغاهرتز.",
        ),
        D("99.00"),
        stock=10,
    ),
    ProductSpec(
        37,
        "carthage-digital",
        "physical",
        "High-tech > Informatique",
        Texts(
            "Souris ergonomique sans fil",
            "Wireless ergonomic mouse",
            "فأرة لاسلكية مريحة",
        ),
        Texts(
            "Forme verticale qui soulage le poignet, six boutons programmables.",
            "An upright shape that spares your wrist, with six programmable buttons.",
            "شكل عمودي يريح المعصم، وستة أزرار قابلة للبرمجة.",
        ),
        D("45.00"),
        stock=22,
    ),
    ProductSpec(
        38,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        Texts(
            "Coque de téléphone motif zellige",
            "Zellige pattern phone case",
            "غطاء هاتف بنقشة الزليج",
        ),
        Texts(
            "Coque antichoc imprimée d'un zellige bleu et ocre.",
            "A shock-proof case printed with blue and ochre zellige tiles.",
            "غطاء مقاوم للصدمات مطبوع بزليج أزرق وبلون المغرة.",
        ),
        D("29.90"),
        variants=(
            Variant("Zitouna X5", "Bleu et ocre", 14),
            Variant("Universelle 6,5 pouces", "Bleu et ocre", 9),
        ),
    ),
    ProductSpec(
        39,
        "carthage-digital",
        "digital",
        "Livres & fichiers numériques > E-books",
        Texts(
            "Guide Django pour débutants (e-book)",
            "Django guide for beginners (e-book)",
            "دليل Django للمبتدئين (كتاب إلكتروني)",
        ),
        Texts(
            "De l'installation au déploiement, un guide en français pour créer sa première application web.",
            "From installation to deployment, a guide (written in French) to building your first web "
            "application.",
            "من التثبيت إلى النشر، دليل باللغة الفرنسية لإنشاء أول تطبيق ويب خاص بك.",
        ),
        D("35.00"),
        attributes={"file_format": "EPUB"},
    ),
    ProductSpec(
        40,
        "carthage-digital",
        "digital",
        "Livres & fichiers numériques > Modèles & patrons",
        Texts(
            "Pack de 500 icônes vectorielles",
            "Pack of 500 vector icons",
            "حزمة من 500 أيقونة متجهة",
        ),
        Texts(
            "Icônes SVG au trait, en arabe et en latin, pour vos sites et applications. "
            "Licence commerciale incluse.",
            "Line-style SVG icons, in Arabic and Latin script, for your websites and apps. "
            "Commercial licence included.",
            "أيقونات SVG خطّية بالحروف العربية واللاتينية لمواقعك وتطبيقاتك. مع رخصة استخدام تجاري.",
        ),
        D("49.00"),
        attributes={"file_format": "SVG"},
        variants=(
            Variant("", "", 0, D("49.00"), attributes={"seats": "seats-1"}),
            Variant("", "", 0, D("149.00"), attributes={"seats": "seats-5"}),
            Variant("", "", 0, D("390.00"), attributes={"seats": "seats-0"}),
        ),
    ),
    ProductSpec(
        41,
        "carthage-digital",
        "digital",
        "Livres & fichiers numériques > Modèles & patrons",
        Texts(
            "Modèles de factures pour TPE",
            "Invoice templates for small businesses",
            "نماذج فواتير للمؤسسات الصغيرة",
        ),
        Texts(
            "Factures, devis et bons de livraison conformes, avec TVA et timbre fiscal déjà calculés.",
            "Compliant invoices, quotes and delivery notes, with VAT and revenue stamp worked out for you.",
            "فواتير وعروض أسعار ووصولات تسليم مطابقة للقانون، مع احتساب الأداء على القيمة المضافة "
            "والطابع الجبائي مسبقًا.",
        ),
        D("15.00"),
        attributes={"file_format": "XLSX"},
    ),
    ProductSpec(
        42,
        "carthage-digital",
        "service",
        "Services > Dépannage & installation",
        Texts(
            "Réparation d'écran de smartphone",
            "Smartphone screen repair",
            "إصلاح شاشة الهاتف الذكي",
        ),
        Texts(
            "Remplacement de l'écran en une heure dans notre atelier de l'Ariana, pièce garantie six mois.",
            "Screen replaced within the hour in our Ariana workshop, part guaranteed for six months.",
            "تغيير الشاشة في ساعة واحدة بورشتنا في أريانة، مع ضمان القطعة لمدة ستة أشهر.",
        ),
        D("90.00"),
        attributes={"duration_minutes": 60},
    ),
    ProductSpec(
        43,
        "carthage-digital",
        "service",
        "Services > Dépannage & installation",
        Texts(
            "Installation Wi-Fi à domicile",
            "Home Wi-Fi set-up",
            "تركيب شبكة Wi-Fi في المنزل",
        ),
        Texts(
            "Un technicien installe et sécurise votre réseau, puis connecte tous vos appareils.",
            "A technician sets up and secures your network, then connects all your devices.",
            "يقوم فنّي بتركيب شبكتك وتأمينها، ثم يوصل بها جميع أجهزتك.",
        ),
        D("70.00"),
        attributes={"duration_minutes": 90},
    ),
    ProductSpec(
        44,
        "carthage-digital",
        "service",
        "Services > Cours",
        Texts(
            "Cours particulier d'informatique (1 h)",
            "Private computer lesson (1 h)",
            "درس خصوصي في الإعلامية (ساعة)",
        ),
        Texts(
            "Bureautique, messagerie, sauvegardes : un cours à votre rythme, chez vous ou en visio.",
            "Office software, email, backups: a lesson at your own pace, at home or by video call.",
            "برمجيات المكتب والبريد الإلكتروني والنسخ الاحتياطي: درس على قدر احتياجك، في بيتك أو "
            "عبر الفيديو.",
        ),
        D("40.00"),
        attributes={"duration_minutes": 60},
    ),
    ProductSpec(
        45,
        "carthage-digital",
        "subscription",
        "Abonnements",
        Texts(
            "Carthage Cloud 100 Go (mensuel)",
            "Carthage Cloud 100 GB (monthly)",
            "قرطاج كلاود 100 غيغابايت (شهريًا)",
        ),
        Texts(
            "Stockage en ligne hébergé en Tunisie, sauvegarde automatique de vos photos et documents.",
            "Online storage hosted in Tunisia, with automatic backup of your photos and documents.",
            "تخزين سحابي مستضاف في تونس، مع نسخ احتياطي تلقائي لصورك ووثائقك.",
        ),
        D("9.90"),
        attributes={"billing_interval": "billing-month", "interval_count": 1},
    ),
    ProductSpec(
        46,
        "carthage-digital",
        "subscription",
        "Abonnements",
        Texts(
            "Carthage Cloud 1 To (annuel)",
            "Carthage Cloud 1 TB (yearly)",
            "قرطاج كلاود 1 تيرابايت (سنويًا)",
        ),
        Texts(
            "Un téraoctet pour toute la famille, partage de dossiers et historique des versions.",
            "One terabyte for the whole family, with shared folders and version history.",
            "تيرابايت كامل لكل العائلة، مع مشاركة المجلدات وسجلّ النسخ.",
        ),
        D("199.00"),
        attributes={"billing_interval": "billing-year", "interval_count": 1},
    ),
    ProductSpec(
        47,
        "carthage-digital",
        "subscription",
        "Abonnements",
        Texts(
            "Assistance informatique Pro (trimestrielle)",
            "Pro IT support (quarterly)",
            "الدعم الإعلامي الاحترافي (كل ثلاثة أشهر)",
        ),
        Texts(
            "Support prioritaire par téléphone et à distance pour les petites entreprises, "
            "facturé par trimestre.",
            "Priority phone and remote support for small businesses, billed every quarter.",
            "دعم ذو أولوية عبر الهاتف وعن بُعد للمؤسسات الصغيرة، بفوترة كل ثلاثة أشهر.",
        ),
        D("120.00"),
        attributes={"billing_interval": "billing-month", "interval_count": 3},
    ),
    # --- Souk: coin packs (1 coin = 0.500 TND; bigger packs carry a bonus) --------------------
    ProductSpec(
        48,
        "souk",
        "coin-pack",
        "Coins",
        Texts("Pack 50 coins", "50-coin pack", "باقة 50 نقطة"),
        Texts(
            "50 coins pour régler services, abonnements et consultations d'experts.",
            "50 coins to pay for services, subscriptions and expert consultations.",
            "50 نقطة لدفع ثمن الخدمات والاشتراكات واستشارات الخبراء.",
        ),
        D("25.00"),
        attributes={"coins": 50},
    ),
    ProductSpec(
        49,
        "souk",
        "coin-pack",
        "Coins",
        Texts("Pack 120 coins", "120-coin pack", "باقة 120 نقطة"),
        Texts(
            "120 coins au prix de 110 : dix coins offerts.",
            "120 coins for the price of 110: ten coins free.",
            "120 نقطة بسعر 110: عشر نقاط هدية.",
        ),
        D("55.00"),
        attributes={"coins": 120},
    ),
    ProductSpec(
        50,
        "souk",
        "coin-pack",
        "Coins",
        Texts("Pack 300 coins", "300-coin pack", "باقة 300 نقطة"),
        Texts(
            "300 coins au prix de 270 : trente coins offerts.",
            "300 coins for the price of 270: thirty coins free.",
            "300 نقطة بسعر 270: ثلاثون نقطة هدية.",
        ),
        D("135.00"),
        attributes={"coins": 300},
    ),
    ProductSpec(
        51,
        "souk",
        "coin-pack",
        "Coins",
        Texts("Pack 1 000 coins", "1,000-coin pack", "باقة 1000 نقطة"),
        Texts(
            "1 000 coins au prix de 850 : le meilleur taux, pour les habitués des consultations.",
            "1,000 coins for the price of 850: the best rate, for regular consultation clients.",
            "1000 نقطة بسعر 850: أفضل سعر، لمن يستشير الخبراء باستمرار.",
        ),
        D("425.00"),
        attributes={"coins": 1000},
    ),
)
