"""Texts of the demo home page in each site language (French is the source, English and Arabic
are its translations). Body items are ``(block type, value)``; an ``image`` item takes the
market banner, so the pictures stay language-neutral.
"""

from dataclasses import dataclass

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en", "ar")


@dataclass(frozen=True)
class HomeTexts:
    title: str
    hero_title: str
    hero_text: str
    hero_cta_label: str
    body: tuple[tuple[str, str | None], ...]

    @staticmethod
    def cta_link(language):
        return f"/{language}/catalogue/"


HOME_TEXTS = {
    "fr": HomeTexts(
        title="Accueil",
        hero_title="Le souk tunisien, en ligne",
        hero_text=(
            "Céramique de Nabeul, mode de la médina, high-tech, fichiers numériques et experts : "
            "achetez en confiance auprès de vendeurs tunisiens."
        ),
        hero_cta_label="Découvrir le catalogue",
        body=(
            ("heading", "Trois boutiques pour commencer"),
            (
                "paragraph",
                "<p><b>Dar Nabeul</b> façonne la céramique et le linge de maison, <b>Jebba &amp; Co</b> "
                "revisite la mode de la médina et <b>Carthage Digital</b> prend soin de vos appareils, "
                "de vos fichiers et de votre cloud.</p>",
            ),
            ("image", None),
            ("heading", "Payer en coins"),
            (
                "paragraph",
                "<p>Rechargez votre portefeuille en coins (1 coin = 0,500 TND) et réglez en un clic "
                "services, abonnements et consultations d'experts.</p>",
            ),
        ),
    ),
    "en": HomeTexts(
        title="Home",
        hero_title="The Tunisian souk, online",
        hero_text=(
            "Nabeul ceramics, medina fashion, high-tech, digital files and experts: "
            "buy with confidence from Tunisian sellers."
        ),
        hero_cta_label="Browse the catalogue",
        body=(
            ("heading", "Three shops to start with"),
            (
                "paragraph",
                "<p><b>Dar Nabeul</b> shapes ceramics and home linen, <b>Jebba &amp; Co</b> reinvents "
                "medina fashion and <b>Carthage Digital</b> looks after your devices, your files and "
                "your cloud.</p>",
            ),
            ("image", None),
            ("heading", "Pay with coins"),
            (
                "paragraph",
                "<p>Top up your wallet with coins (1 coin = 0.500 TND) and pay for services, "
                "subscriptions and expert consultations in one click.</p>",
            ),
        ),
    ),
    "ar": HomeTexts(
        title="الرئيسية",
        hero_title="السوق التونسي على الإنترنت",
        hero_text=(
            "خزف نابل، أزياء المدينة، التكنولوجيا، الملفات الرقمية والخبراء: اشترِ بثقة من بائعين تونسيين."
        ),
        hero_cta_label="تصفّح الكتالوج",
        body=(
            ("heading", "ثلاثة متاجر للبداية"),
            (
                "paragraph",
                "<p><b>دار نابل</b> تصنع الخزف ومفروشات البيت، و<b>جبّة وشركاه</b> تجدّد أزياء المدينة، "
                "و<b>قرطاج ديجيتال</b> تعتني بأجهزتك وملفاتك وتخزينك السحابي.</p>",
            ),
            ("image", None),
            ("heading", "الدفع بالنقاط"),
            (
                "paragraph",
                "<p>اشحن محفظتك بالنقاط (نقطة واحدة = 0.500 دينار) وادفع ثمن الخدمات والاشتراكات "
                "واستشارات الخبراء بنقرة واحدة.</p>",
            ),
        ),
    ),
}
