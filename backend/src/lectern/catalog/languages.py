"""The course languages Lectern offers, by ISO 639-1 code, named in their own language."""

from __future__ import annotations

LANGUAGES: dict[str, str] = {
    "ar": "العربية",
    "bn": "বাংলা",
    "de": "Deutsch",
    "el": "Ελληνικά",
    "en": "English",
    "es": "Español",
    "fa": "فارسی",
    "fr": "Français",
    "he": "עברית",
    "hi": "हिन्दी",
    "id": "Bahasa Indonesia",
    "it": "Italiano",
    "ja": "日本語",
    "ko": "한국어",
    "nl": "Nederlands",
    "pl": "Polski",
    "pt": "Português",
    "ro": "Română",
    "ru": "Русский",
    "sv": "Svenska",
    "sw": "Kiswahili",
    "th": "ไทย",
    "tr": "Türkçe",
    "uk": "Українська",
    "vi": "Tiếng Việt",
    "zh": "中文",
}

CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "BRL", "JPY", "CHF", "SEK")
