"""The words the site itself writes, in the dossier's language: gettext catalogs read with Babel, and
dates and numbers in the readers' conventions from Babel's CLDR data.

Catalogs are PO files, `layouts/locales/LANG.po`: the dossier's own first, then the engine's.
English is the language of the messages themselves, so it needs none. An entry a catalog lacks is
written in English, with one warning naming it; a language with no catalog at all keeps the site's
words (and its `lang`) English, with a warning.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Position
from ..model.figures import FigureSummary, distinct_values
from ..syntax.dates import DAY, HALF, MONTH, QUARTER, SEASON, YEAR, FuzzyDate, Point
from ..syntax.values import Value, format_quantity
from .layouts import ENGINE_LAYOUTS

CATALOGS = "layouts/locales"
TEMPLATE = "messages.pot"  # every message the engine writes, extracted from layouts and code


def N_(message: str) -> str:
    return message


@dataclass
class SiteWords:
    """How the site speaks: `gettext`, `ngettext`, dates and quantities, in one language."""

    language: str = "en"
    direction: str = "ltr"
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations)

    @property
    def english(self) -> bool:
        return self.language.split("-")[0].lower() == "en"

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    @property
    def locale_tag(self) -> str:
        """For Open Graph: `de_DE`, `en_US`: the language with its likeliest territory."""
        from babel import Locale
        from babel.core import get_global

        locale = Locale.parse(self.language.replace("-", "_"))
        likely = get_global("likely_subtags").get(locale.language, "")  # "en" → "en_Latn_US"
        territory = locale.territory or next((p for p in likely.split("_")[1:] if p.isupper()), "")
        return f"{locale.language}_{territory}" if territory else locale.language

    def script_words(self) -> dict[str, object]:
        """What the site's script writes, for each plural category of the language (the script
        picks one with `Intl.PluralRules`): `{count}`, `{shown}`, `{total}`, `{term}` are filled in."""
        from babel import Locale

        try:
            rule = Locale.parse(self.language.replace("-", "_")).plural_form
        except (ValueError, LookupError):
            rule = Locale.parse("en").plural_form
        samples: dict[str, int] = {}
        for number in range(0, 1000):
            samples.setdefault(rule(number), number)

        def forms(singular: str, plural: str) -> dict[str, str]:
            return {
                tag: self.ngettext(singular, plural, n).replace("%(num)d", "{count}")
                for tag, n in samples.items()
            }

        return {
            "results": forms("%(num)d result for “{term}”", "%(num)d results for “{term}”"),
            "unavailable": self.gettext(
                "Search is not available here (the site was built without its index)."
            ),
            "shown": forms("{shown} of %(num)d figure shown", "{shown} of %(num)d figures shown"),
            "events shown": forms("{shown} of %(num)d event shown", "{shown} of %(num)d events shown"),
            # The live preview's own words (its script reads them from the served page).
            "failed": self.gettext("Build failed: the preview shows the last good build."),
            "unlinked": forms(
                "%(num)d unlinked mention of known entities (dotted). Link them:",
                "%(num)d unlinked mentions of known entities (dotted). Link them:",
            ),
            "not linked": self.gettext("Not linked yet:"),
        }

    def span(self, months: int) -> str:
        """How long each period of a chart's series is: "per year", "über 3 Jahre"."""
        if months == 12:
            return self.gettext("per year")
        if months % 12 == 0:
            return self.ngettext("over %(num)d year", "over %(num)d years", months // 12) % {
                "num": months // 12
            }
        if months == 3:
            return self.gettext("per quarter")
        if months == 1:
            return self.gettext("per month")
        return self.ngettext("over %(num)d month", "over %(num)d months", months) % {"num": months}

    def stated(self, summary: FigureSummary) -> list[str]:
        """The distinct values stated in the figure's unit (English: as the summary keeps them)."""
        if self.english:
            return summary.values()
        return distinct_values(summary.main, summary.figure.unit, self.quantity)

    def also_stated(self, summary: FigureSummary, unit: str) -> list[str]:
        """The values stated in another unit, as the site's readers write numbers."""
        if self.english:
            return summary.also_values(unit)
        return distinct_values(summary.also[unit], unit, self.quantity)

    # Dates and numbers

    def date(self, date: FuzzyDate) -> str:
        """A date at its precision, as the readers write it ("17. Dezember 2025", "3. Quartal 2025")."""
        if self.english:
            return date.display()
        if not date.is_interval:
            assert date.start is not None
            return self._point(date.start)
        if date.start is None:
            assert date.end is not None
            return self.gettext("until %(date)s") % {"date": self._point(date.end)}
        if date.end is None:
            return self.gettext("from %(date)s") % {"date": self._point(date.start)}
        start, end = self._point(date.start), self._point(date.end)
        return f"{start}{'–' if ' ' not in start + end else ' – '}{end}"

    def _point(self, point: Point) -> str:
        from babel.dates import format_date

        locale = self.language.replace("-", "_")
        day = point.earliest
        if point.precision == DAY:
            text = format_date(day, "long", locale=locale)
        elif point.precision == MONTH:
            text = format_date(day, "LLLL y", locale=locale)
        elif point.precision == QUARTER:
            text = format_date(day, "QQQQ y", locale=locale)
        elif point.precision == HALF:
            half = (
                self.gettext("first half of %(year)s")
                if day.month < 7
                else self.gettext("second half of %(year)s")
            )
            text = half % {"year": day.year}
        elif point.precision == SEASON:
            text = self.gettext(_SEASONS[day.month]) % {"year": day.year}
        else:
            assert point.precision == YEAR
            text = str(day.year)
        if point.approximate:
            text = self.gettext("c. %(date)s") % {"date": text}
        return text + ("?" if point.uncertain else "")

    def quantity(self, value: Value, unit: str) -> str:
        """A value with its unit ("200 Mrd. CNY", "24.871", "5,3 %", "~40 Mrd. CNY")."""
        if self.english:
            return format_quantity(value, unit)
        from babel.numbers import format_decimal

        locale = self.language.replace("-", "_")
        scale = f" {self.gettext(_SCALES[value.scale])}" if value.scale else ""

        def number(text: str) -> str:
            return format_decimal(text, locale=locale, decimal_quantization=False)

        amount = number(value.low_text) + (f"–{number(value.high_text)}" if value.high_text else "")
        text = f"{value.qualifier}{amount}{scale}"
        if not unit:
            return text
        if unit == "%":
            return f"{text}\u00a0%" if self._spaced_percent() else f"{text}%"
        return f"{text} {unit}"

    def _spaced_percent(self) -> bool:
        from babel.numbers import format_percent

        return "\u00a0%" in format_percent(0.5, locale=self.language.replace("-", "_"))


_SEASONS = {
    3: N_("spring %(year)s"),
    6: N_("summer %(year)s"),
    9: N_("autumn %(year)s"),
    12: N_("winter %(year)s"),
}
_SCALES = {"k": N_("thousand"), "m": N_("m"), "bn": N_("bn"), "tn": N_("tn")}


def load_words(root: Path, language: str) -> tuple[SiteWords, list[Diagnostic]]:
    """The site's words for `language`, and warnings for what its catalog lacks."""
    if language.split("-")[0].lower() == "en":
        return SiteWords(language), []
    found = _catalog_file(root, language)
    if found is None:
        where = Position("config.yaml")
        message = (
            f'no catalog for the language "{language}" ({CATALOGS}/{language}.po); the site\'s own words '
            "stay English"
        )
        return SiteWords("en"), [Diagnostic(where, "warning", message)]
    file, shown = found
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with file.open("rb") as stream:
        catalog = read_po(stream, locale=language.replace("-", "_"))
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    words = SiteWords(language, _direction(language), gettext.GNUTranslations(compiled))
    return words, _missing(catalog, shown)


def _catalog_file(root: Path, language: str) -> tuple[Path, str] | None:
    """The dossier's catalog for the language (or its base language), else the engine's."""
    names = [language, language.split("-")[0]]
    for folder, shown in ((root / CATALOGS, CATALOGS), (ENGINE_LAYOUTS / "locales", CATALOGS)):
        for name in names:
            if (folder / f"{name}.po").is_file():
                return folder / f"{name}.po", f"{shown}/{name}.po"
    return None


def _missing(catalog, shown: str) -> list[Diagnostic]:
    """One warning for each message the engine writes that the catalog does not translate."""
    from babel.messages.pofile import read_po

    with (ENGINE_LAYOUTS / "locales" / TEMPLATE).open("rb") as stream:
        template = read_po(stream)
    problems = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id)
        translated = entry is not None and (
            all(entry.string) if isinstance(entry.string, tuple) else entry.string
        )
        if not translated:
            text = message.id[0] if isinstance(message.id, tuple) else message.id
            problems.append(
                Diagnostic(
                    Position(shown), "warning", f'no translation of "{text}"; the site says it in English'
                )
            )
    return problems


def _direction(language: str) -> str:
    from babel import Locale

    try:
        order = Locale.parse(language.replace("-", "_")).character_order
    except (ValueError, LookupError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"
