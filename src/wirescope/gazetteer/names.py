"""Comparison forms of place names: folded, article-free, and a transliteration skeleton.

Three keys, from strict to loose, so one lookup finds "Deir ez-Zor" under "Dayr az Zawr":

* :func:`fold` — no accents, apostrophes or hyphens, casefolded: ``Dar‘ā`` → ``dara``;
* :func:`key` — :func:`fold` without Arabic articles (``al-``, ``el-``, ``ez-`` …) or an
  inner English "the", and with
  common title words unified (Sheikh/Shaykh/Cheikh → ``shaykh``): the *exact* index key;
* :func:`skeleton` — :func:`key` with transliteration variants collapsed (ou/u, ee/i, q/k,
  kh/k, sh/s, dj/j …), inner vowels dropped and doubled letters merged: the *variant* key.
  ``Deir ez-Zor`` and ``Dayr az Zawr`` both give ``dr zr``.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# Arabic definite article and its sun-letter assimilations, as separate words after folding.
ARTICLES = frozenset({
    "al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad", "ed", "at", "et",
    "az", "ez", "an", "en", "adh", "ath",
})
TITLES = {"sheikh": "shaykh", "shaikh": "shaykh", "sheik": "shaykh", "shekh": "shaykh",
          "cheikh": "shaykh", "scheich": "shaykh", "shaykh": "shaykh",
          "deir": "dayr", "dair": "dayr", "dayr": "dayr", "der": "dayr",
          "tell": "tal", "tall": "tal", "tel": "tal", "tal": "tal",
          "kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "kafr": "kafr",
          "jabal": "jabal", "jebel": "jabal", "jabel": "jabal", "djebel": "jabal",
          "ain": "ayn", "ein": "ayn", "ayn": "ayn", "saint": "st", "st": "st",
          "mount": "mt", "mt": "mt", "fort": "ft", "ft": "ft"}
_APOSTROPHES = re.compile(r"['’‘`´ʿʾʼ]")
_SEPARATORS = re.compile(r"[^\w]+|_")
# Ordered rewrites that merge transliteration variants (applied to one word at a time).
_REWRITES: tuple[tuple[str, str], ...] = (
    ("dsch", "j"), ("tch", "c"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("ch", "s"),
    ("sh", "s"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"),
    ("q", "k"), ("c", "k"), ("x", "ks"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"),
    ("ai", "i"), ("ay", "i"), ("v", "w"),
)
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouyw]")
# An article glued to a later word by assimilation: "Deir Ezzor", "Tal Abyad" is left alone.
_GLUED = re.compile(r"^[ae]([dnrstz])\1(?=[a-z]{2})")


def fold(name: str) -> str:
    """Lowercase ASCII-ish words: accents, apostrophes and hyphens gone."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)
    return " ".join(_SEPARATORS.sub(" ", text.casefold()).split())


def key(name: str) -> str:
    """The exact index key: :func:`fold` without articles, with title words unified."""
    words = fold(name).split()
    # Arabic articles anywhere, English "the" inside a name ("Democratic Republic of the
    # Congo" = "Democratic Republic of Congo"; "The Hague" keeps its first word).
    kept = [TITLES.get(w, w) for i, w in enumerate(words)
            if w not in ARTICLES and (w != "the" or i in (0, len(words) - 1))]
    kept = [w if i == 0 else _GLUED.sub(r"\1", w) for i, w in enumerate(kept)]
    if not kept:  # a name that is only an article ("As") stays itself
        kept = words
    return " ".join(kept)


def _skeleton_word(word: str) -> str:
    for old, new in _REWRITES:
        word = word.replace(old, new)
    if not word:
        return word
    head = "a" if word[0] in "aeiouy" else word[0]
    rest = _VOWELS.sub("", word[1:])
    if rest.endswith("h") and len(rest) > 1:  # Hamah / Hama, Raqqah / Raqqa
        rest = rest[:-1]
    merged = head
    for ch in rest:
        if ch != merged[-1]:
            merged += ch
    return merged


def skeleton(name: str) -> str:
    """The variant key: consonant skeleton of :func:`key` after transliteration rewrites."""
    return " ".join(_skeleton_word(w) for w in key(name).split())


def keys(name: str) -> tuple[str, str]:
    """``(key, skeleton)`` of a name."""
    exact = key(name)
    return exact, " ".join(_skeleton_word(w) for w in exact.split())


def _variant_word(word: str) -> str:
    for old, new in _REWRITES:
        word = word.replace(old, new)
    word = _DOUBLED.sub(r"\1", word)
    if len(word) > 3 and word.endswith("h"):  # Hamah / Hama
        word = word[:-1]
    return word


def variant_form(name: str) -> str:
    """:func:`key` with transliteration variants merged but vowels kept: ``Deir Ezzor`` ->
    ``dir zor``, ``Dayr az Zawr`` -> ``dir zawr``."""
    return " ".join(_variant_word(w) for w in key(name).split())


def similarity(name: str, other_key: str) -> float:
    """How close two spellings are once transliteration variants are merged (0-1): close
    spellings of one name ("Idleb"/"Idlib" 0.8, "Sweida"/"Suwayda" 0.9) score high, names
    that only share a consonant skeleton ("Midan"/"Mayadin", "Qaboun"/"Kobane") low."""
    a = variant_form(name)
    b = " ".join(_variant_word(w) for w in other_key.split())
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def is_latin(name: str) -> bool:
    """Written in Latin letters (other scripts never occur in English text)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)
