"""Word lists the rules need: abbreviations, interjections, legitimate doubled words.

Stopwords (what a language's running text is mostly made of) are in
:mod:`compare.core.text.stopwords`, shared with language detection.
"""

from __future__ import annotations

import re

from compare.core.text.stopwords import wordset

# Abbreviations that end in a period and may be followed by a lowercase word or a number
# (lowercase, without the period). Dotted ones ("z.B.", "U.S.", "a.m.", "e.g.") and single
# letters (initials) are recognised by shape and need not be listed.
ABBREVIATIONS = wordset(
    """
    mr mrs ms mssrs messrs dr prof st jr sr gen sen rep reps gov lt col sgt capt cmdr adm maj pres
    rev hon supt insp det cpl pvt fr sra srta
    etc vs approx incl excl esp cf al ed eds pp vol vols no nos fig figs ch chap sec est dept govt
    univ assn bros corp inc ltd co plc ave blvd rd mt ft jan feb mar apr jun jul aug sep sept oct
    nov dec tue tues thu thur thurs fri min max misc ca viz ibid op cit lb lbs oz
    km kg hr hrs yr yrs mos wk tel ext dist ref refs cca circa
    bzw bzgl ca ggf vgl usw inkl evtl sog zzgl ebd abs bd jh jhd mio mrd tsd std sek hrsg geb
    gest verh verw ev kath dipl techn franz engl dt lat griech sen hr frl str nr hbf ff bspw
    insb allg gem ehem eigtl mind urspr zit zb dh ua uvm od ggü fr
    mme mlle mm av env boul bd éd vol chap cie éts
    ala ariz ark calif colo conn del fla ga ida ill ind kan kans ky la md mass mich minn miss mont
    neb nev okla ore pa penn tenn tex va vt wash wis wyo
    """
)

# Short sentences that are complete on their own ("Yes." "Thank you." "Keiner weiß.").
INTERJECTIONS = wordset(
    """
    yes no yeah nope ok okay right sure exactly absolutely indeed never nothing nobody none
    thanks again why now well wow bravo amen hello goodbye true false correct agreed
    ja nein doch genau danke niemand nichts nie klar richtig stimmt natürlich bitte tschüss
    oui non merci jamais rien personne voilà bien exactement
    sí gracias nada nunca
    """
)

# Particles doubled after a phrasal verb: "he was taken in in the church".
PARTICLES = wordset("in on up out off over down by")
PHRASAL_VERBS = wordset(
    """get gets got give gives gave take takes took put puts come comes came go goes went move log
    check sign turn hand let cut set run runs ran lock fill break broke plug drop call pick look
    hold held keep kept bring brought show shows showed fit fits"""
)

# Words that are legitimately doubled in running text.
LEGIT_DOUBLES: dict[str | None, frozenset[str]] = {
    "en": frozenset({"had", "that", "is", "bye", "so", "very", "no", "ha", "ho", "knock", "boo", "tut"}),
    "de": frozenset({"die", "der", "das", "sie", "dass", "es", "ha", "so", "nein", "ja"}),
    "fr": frozenset({"nous", "vous", "ha", "si", "bon", "très"}),
    "es": frozenset({"ha", "no", "sí"}),
    "it": frozenset({"ha", "no", "sì"}),
    "nl": frozenset({"die", "dat", "ha"}),
}
ALL_LEGIT_DOUBLES = frozenset().union(*LEGIT_DOUBLES.values())


def is_abbreviation_token(token: str) -> bool:
    """Whether ``token`` (the text before a period, without it) is an abbreviation or initial.

    True for listed abbreviations ("Mr", "etc", "bzw"), single letters ("V" in "Vladimir V.
    Putin"), dotted forms ("U.S", "z.B", "a.m", "e.g"), and all-consonant short forms.
    """
    token = token.lstrip("([{\"'“„«‹‘‚")
    if not token:
        return False
    if "." in token:  # U.S, z.B, a.m, e.g, G.O
        return True
    m = re.search(r"[^\W\d_]+$", token)
    if not m:
        return False
    word = m.group()
    if len(word) == 1:
        return True
    return word.lower() in ABBREVIATIONS
