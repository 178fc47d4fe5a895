"""What the demo marketplace sells: shops, product classes, categories and products.

Plain data, no database access; ``services.py`` turns it into rows. Each product has a fixed
``number`` from which its UPC and SKUs are derived, so reordering or extending this file never
duplicates a product already seeded. Prices are in TND with at most two decimals, because Oscar's
price columns keep two (see the architecture notes on money).
"""

from dataclasses import dataclass, field
from decimal import Decimal

#: GS1 prefix of Tunisia: demo UPCs look like real Tunisian EAN-13 codes.
GS1_PREFIX = "619"


@dataclass(frozen=True)
class Shop:
    """An Oscar partner; ``code`` is its natural key, ``gs1_company`` the middle of its UPCs."""

    code: str
    name: str
    sku_prefix: str
    gs1_company: str


@dataclass(frozen=True)
class AttributeSpec:
    code: str
    name: str
    type: str = "text"
    required: bool = False
    options: tuple[str, ...] = ()
    option_group: str = ""


@dataclass(frozen=True)
class ProductClassSpec:
    """A kind of product modelled as an Oscar ``ProductClass`` with attributes, never a subclass."""

    slug: str
    name: str
    requires_shipping: bool
    track_stock: bool
    icon: str
    attributes: tuple[AttributeSpec, ...] = ()


@dataclass(frozen=True)
class Variant:
    """A child product: one size/colour combination with its own stock (and price, if it differs)."""

    size: str
    colour: str
    stock: int
    price: Decimal | None = None


@dataclass(frozen=True)
class ProductSpec:
    number: int
    shop: str
    product_class: str
    category: str
    title: str
    description: str
    price: Decimal
    stock: int | None = None
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

BILLING_INTERVALS = ("day", "week", "month", "year")

PRODUCT_CLASSES = (
    ProductClassSpec(
        "physical",
        "Physical",
        requires_shipping=True,
        track_stock=True,
        icon="bag",
        attributes=(AttributeSpec("size", "Taille"), AttributeSpec("colour", "Couleur")),
    ),
    ProductClassSpec(
        "digital",
        "Digital",
        requires_shipping=False,
        track_stock=False,
        icon="document",
        attributes=(AttributeSpec("file_format", "Format de fichier", required=True),),
    ),
    ProductClassSpec(
        "service",
        "Service",
        requires_shipping=False,
        track_stock=False,
        icon="clock",
        attributes=(AttributeSpec("duration_minutes", "Durée (minutes)", "integer", required=True),),
    ),
    ProductClassSpec(
        "subscription",
        "Subscription",
        requires_shipping=False,
        track_stock=False,
        icon="cycle",
        attributes=(
            AttributeSpec(
                "billing_interval",
                "Période de facturation",
                "option",
                required=True,
                options=BILLING_INTERVALS,
                option_group="Billing interval",
            ),
            AttributeSpec("interval_count", "Nombre de périodes", "integer", required=True),
        ),
    ),
    ProductClassSpec(
        "coin-pack",
        "Coin pack",
        requires_shipping=False,
        track_stock=False,
        icon="coins",
        attributes=(AttributeSpec("coins", "Coins", "integer", required=True),),
    ),
)

#: Every category of the demo tree, including those no product uses yet.
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
        "Plat à couscous en céramique de Nabeul",
        "Tourné et peint à la main dans un atelier de Nabeul, ce plat creux accueille le couscous "
        "du vendredi comme les salades de fruits.\n\nÉmail sans plomb, compatible lave-vaisselle.",
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
        "Assiettes peintes main (lot de 6)",
        "Six assiettes plates aux motifs floraux jaunes et bleus, chacune unique.\n\n"
        "Diamètre 26 cm, émail alimentaire.",
        D("89.00"),
        stock=15,
    ),
    ProductSpec(
        3,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        "Jarre décorative en terre cuite",
        "Une jarre de 60 cm inspirée des amphores puniques, pour l'entrée ou le jardin.\n\n"
        "Terre cuite naturelle, finition à la cire d'abeille.",
        D("120.00"),
        stock=2,
    ),
    ProductSpec(
        4,
        "dar-nabeul",
        "physical",
        "Maison > Céramique",
        "Tajine en terre cuite émaillée",
        "Pour les tajines au four et les ojjas mijotées : la terre cuite garde la chaleur et le goût.",
        D("45.00"),
        stock=20,
    ),
    ProductSpec(
        5,
        "dar-nabeul",
        "physical",
        "Maison > Céramique",
        "Bol à harissa « Klila »",
        "Petit bol à condiments peint de poissons porte-bonheur, parfait pour la harissa et l'huile d'olive.",
        D("18.50"),
        stock=40,
    ),
    ProductSpec(
        6,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        "Poterie de Sejnane modelée main",
        "Modelée et décorée par les potières de Sejnane, savoir-faire inscrit au patrimoine de "
        "l'UNESCO.\n\nPièce unique : les formes et les motifs varient d'un exemplaire à l'autre.",
        D("150.00"),
        stock=0,
    ),
    ProductSpec(
        7,
        "dar-nabeul",
        "physical",
        "Maison > Textile de maison",
        "Kilim tissé main de Kairouan",
        "Tapis plat en laine tissé sur métier traditionnel, motifs géométriques berbères.",
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
        "Fouta de plage en coton",
        "La fouta tissée à Ksar Hellal : légère, absorbante, elle sèche en un rien de temps.\n\n"
        "100 × 180 cm, franges nouées main.",
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
        "Coussin brodé motif berbère",
        "Housse en lin brodée de losanges et de chevrons, garnissage en plumes inclus.",
        D("55.00"),
        stock=9,
    ),
    ProductSpec(
        10,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        "Lanterne en cuivre ciselé",
        "Lanterne ajourée par les dinandiers du souk En-Nhas de Tunis : "
        "elle projette des étoiles sur les murs.",
        D("95.00"),
        stock=6,
    ),
    ProductSpec(
        11,
        "dar-nabeul",
        "physical",
        "Maison > Décoration",
        "Miroir cadre en mosaïque",
        "Cadre en éclats de céramique bleue et blanche assemblés à la main, 50 cm de diamètre.",
        D("130.00"),
        stock=4,
    ),
    ProductSpec(
        12,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        "Savon à l'huile d'olive et au laurier",
        "Saponifié à froid avec l'huile d'olive de Sfax et l'huile de baies de laurier, "
        "pour toute la famille.",
        D("9.90"),
        stock=120,
    ),
    ProductSpec(
        13,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        "Eau de fleur d'oranger de Nabeul 250 ml",
        "Le zhar distillé chaque printemps à Nabeul : pour les pâtisseries, le thé et une peau apaisée.",
        D("14.50"),
        stock=60,
    ),
    ProductSpec(
        14,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        "Huile de figue de Barbarie bio 30 ml",
        "Pressée à froid à partir des pépins de figue de Barbarie de Kasserine, riche en vitamine E.",
        D("69.00"),
        stock=3,
    ),
    ProductSpec(
        15,
        "dar-nabeul",
        "physical",
        "Beauté > Soins naturels",
        "Henné naturel de Gabès 200 g",
        "Feuilles de henné des oasis de Gabès, séchées au soleil et finement tamisées.",
        D("12.00"),
        stock=45,
    ),
    ProductSpec(
        16,
        "dar-nabeul",
        "physical",
        "Beauté > Parfums",
        "Eau de parfum Jasmin de Tunis 50 ml",
        "Un sillage de mechmoum, le bouquet de jasmin que l'on porte à l'oreille les soirs d'été.",
        D("79.00"),
        stock=14,
    ),
    ProductSpec(
        17,
        "dar-nabeul",
        "digital",
        "Livres & fichiers numériques > E-books",
        "Recettes de ma grand-mère (e-book)",
        "Quarante recettes de famille, du couscous au poisson aux makrouds, illustrées pas à pas.\n\n"
        "Fichier PDF de 120 pages, téléchargeable après paiement.",
        D("19.90"),
        attributes={"file_format": "PDF"},
    ),
    ProductSpec(
        18,
        "dar-nabeul",
        "service",
        "Services > Ateliers",
        "Atelier poterie à Nabeul (2 h)",
        "Initiez-vous au tour avec un maître potier et repartez avec votre pièce émaillée.\n\n"
        "Groupe de six personnes au plus, matériel fourni.",
        D("60.00"),
        attributes={"duration_minutes": 120},
    ),
    # --- Jebba & Co: fashion from the medina --------------------------------------------------
    ProductSpec(
        19,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        "Chéchia traditionnelle en laine",
        "Feutrée et teinte à la main par les chaouachis du souk de Tunis, "
        "une tradition vieille de quatre siècles.",
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
        "Jebba homme en lin",
        "La jebba revisitée : coupe droite, lin léger et passementerie discrète, "
        "pour les fêtes comme pour l'été.",
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
        "Blouse brodée Kaftan",
        "Blouse fluide en coton, encolure brodée au fil doré selon les motifs de Mahdia.",
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
        "T-shirt Sidi Bou Saïd en coton bio",
        "Coton biologique épais, sérigraphie des portes bleues de Sidi Bou Saïd.",
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
        "Balgha, babouches en cuir",
        "Babouches en cuir de chèvre cousues main, semelle souple, bout arrondi à la tunisienne.",
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
        "Sac cabas en alfa",
        "Tressé à la main en alfa de Kasserine, anses en cuir : le panier du marché, version ville.",
        D("45.00"),
        stock=16,
    ),
    ProductSpec(
        25,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        "Bracelet berbère en argent",
        "Bracelet manchette en argent 925 gravé de motifs amazighs par un bijoutier de Djerba.",
        D("110.00"),
        stock=2,
    ),
    ProductSpec(
        26,
        "jebba-co",
        "physical",
        "Mode > Femme",
        "Foulard en soie imprimé jasmin",
        "Carré de soie 90 × 90 cm, fleurs de jasmin sur fond bleu de Sidi Bou Saïd.",
        D("65.00"),
        stock=11,
    ),
    ProductSpec(
        27,
        "jebba-co",
        "physical",
        "Mode > Accessoires",
        "Ceinture en cuir tressé",
        "Cuir de vachette tanné végétal, boucle en laiton vieilli.",
        D("49.90"),
        stock=0,
    ),
    ProductSpec(
        28,
        "jebba-co",
        "digital",
        "Livres & fichiers numériques > Modèles & patrons",
        "Patron de couture : jebba moderne",
        "Patron multi-tailles (S à XXL) à imprimer chez soi, avec un guide de montage illustré.",
        D("24.00"),
        attributes={"file_format": "PDF"},
    ),
    ProductSpec(
        29,
        "jebba-co",
        "service",
        "Services > Couture & retouches",
        "Retouche et ajustement sur mesure",
        "Ourlets, cintrage, reprise d'épaules : nos couturières ajustent vos vêtements en atelier.",
        D("25.00"),
        attributes={"duration_minutes": 45},
    ),
    ProductSpec(
        30,
        "jebba-co",
        "subscription",
        "Abonnements",
        "Cours de couture en ligne (mensuel)",
        "Deux nouveaux cours vidéo par mois et une séance de questions en direct avec l'atelier.",
        D("39.00"),
        attributes={"billing_interval": "month", "interval_count": 1},
    ),
    # --- Carthage Digital: devices, files, services and cloud ---------------------------------
    ProductSpec(
        31,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        "Smartphone Zitouna X5",
        "Écran AMOLED 6,5 pouces, double SIM, batterie 5 000 mAh.\n\nGarantie deux ans, SAV à Tunis.",
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
        "Écouteurs sans fil Bluetooth",
        "Réduction de bruit active, 30 heures d'autonomie avec le boîtier, recharge USB-C.",
        D("129.00"),
        stock=25,
    ),
    ProductSpec(
        33,
        "carthage-digital",
        "physical",
        "High-tech > Audio",
        "Enceinte portable étanche",
        "Étanche IP67, elle flotte dans la piscine et tient 12 heures sur une charge.",
        D("189.00"),
        stock=3,
    ),
    ProductSpec(
        34,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        "Chargeur rapide USB-C 65 W",
        "Recharge un ordinateur portable et un téléphone en même temps, prise tunisienne (type C).",
        D("59.00"),
        stock=30,
    ),
    ProductSpec(
        35,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        "Batterie externe 20 000 mAh",
        "Deux ports USB-C et un port USB-A, de quoi recharger un smartphone quatre fois.",
        D("89.00"),
        stock=12,
    ),
    ProductSpec(
        36,
        "carthage-digital",
        "physical",
        "High-tech > Informatique",
        "Clavier bilingue AZERTY-arabe rétroéclairé",
        "Touches gravées en français et en arabe, rétroéclairage blanc, connexion sans fil 2,4 GHz.",
        D("99.00"),
        stock=10,
    ),
    ProductSpec(
        37,
        "carthage-digital",
        "physical",
        "High-tech > Informatique",
        "Souris ergonomique sans fil",
        "Forme verticale qui soulage le poignet, six boutons programmables.",
        D("45.00"),
        stock=22,
    ),
    ProductSpec(
        38,
        "carthage-digital",
        "physical",
        "High-tech > Téléphonie",
        "Coque de téléphone motif zellige",
        "Coque antichoc imprimée d'un zellige bleu et ocre.",
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
        "Guide Django pour débutants (e-book)",
        "De l'installation au déploiement, un guide en français pour créer sa première application web.",
        D("35.00"),
        attributes={"file_format": "EPUB"},
    ),
    ProductSpec(
        40,
        "carthage-digital",
        "digital",
        "Livres & fichiers numériques > Modèles & patrons",
        "Pack de 500 icônes vectorielles",
        "Icônes SVG au trait, en arabe et en latin, pour vos sites et applications. "
        "Licence commerciale incluse.",
        D("49.00"),
        attributes={"file_format": "SVG"},
    ),
    ProductSpec(
        41,
        "carthage-digital",
        "digital",
        "Livres & fichiers numériques > Modèles & patrons",
        "Modèles de factures pour TPE",
        "Factures, devis et bons de livraison conformes, avec TVA et timbre fiscal déjà calculés.",
        D("15.00"),
        attributes={"file_format": "XLSX"},
    ),
    ProductSpec(
        42,
        "carthage-digital",
        "service",
        "Services > Dépannage & installation",
        "Réparation d'écran de smartphone",
        "Remplacement de l'écran en une heure dans notre atelier de l'Ariana, pièce garantie six mois.",
        D("90.00"),
        attributes={"duration_minutes": 60},
    ),
    ProductSpec(
        43,
        "carthage-digital",
        "service",
        "Services > Dépannage & installation",
        "Installation Wi-Fi à domicile",
        "Un technicien installe et sécurise votre réseau, puis connecte tous vos appareils.",
        D("70.00"),
        attributes={"duration_minutes": 90},
    ),
    ProductSpec(
        44,
        "carthage-digital",
        "service",
        "Services > Cours",
        "Cours particulier d'informatique (1 h)",
        "Bureautique, messagerie, sauvegardes : un cours à votre rythme, chez vous ou en visio.",
        D("40.00"),
        attributes={"duration_minutes": 60},
    ),
    ProductSpec(
        45,
        "carthage-digital",
        "subscription",
        "Abonnements",
        "Carthage Cloud 100 Go (mensuel)",
        "Stockage en ligne hébergé en Tunisie, sauvegarde automatique de vos photos et documents.",
        D("9.90"),
        attributes={"billing_interval": "month", "interval_count": 1},
    ),
    ProductSpec(
        46,
        "carthage-digital",
        "subscription",
        "Abonnements",
        "Carthage Cloud 1 To (annuel)",
        "Un téraoctet pour toute la famille, partage de dossiers et historique des versions.",
        D("199.00"),
        attributes={"billing_interval": "year", "interval_count": 1},
    ),
    ProductSpec(
        47,
        "carthage-digital",
        "subscription",
        "Abonnements",
        "Assistance informatique Pro (trimestrielle)",
        "Support prioritaire par téléphone et à distance pour les petites entreprises, "
        "facturé par trimestre.",
        D("120.00"),
        attributes={"billing_interval": "month", "interval_count": 3},
    ),
    # --- Souk: coin packs (1 coin = 0.500 TND; bigger packs carry a bonus) --------------------
    ProductSpec(
        48,
        "souk",
        "coin-pack",
        "Coins",
        "Pack 50 coins",
        "50 coins pour régler services, abonnements et consultations d'experts.",
        D("25.00"),
        attributes={"coins": 50},
    ),
    ProductSpec(
        49,
        "souk",
        "coin-pack",
        "Coins",
        "Pack 120 coins",
        "120 coins au prix de 110 : dix coins offerts.",
        D("55.00"),
        attributes={"coins": 120},
    ),
    ProductSpec(
        50,
        "souk",
        "coin-pack",
        "Coins",
        "Pack 300 coins",
        "300 coins au prix de 270 : trente coins offerts.",
        D("135.00"),
        attributes={"coins": 300},
    ),
    ProductSpec(
        51,
        "souk",
        "coin-pack",
        "Coins",
        "Pack 1 000 coins",
        "1 000 coins au prix de 850 : le meilleur taux, pour les habitués des consultations.",
        D("425.00"),
        attributes={"coins": 1000},
    ),
)
