"""Keyword lists of a scraped page: where they start and end."""

from __future__ import annotations

import pytest

from wirescope.annotate.furniture import inside, keyword_lists, link_lists, site_notices


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Runs into the first sentence: ends at the word that opens the body.
        ("Tags Syria Raqqa Aleppo human rights Islamic State ISIS At least 30 people were "
         "killed.", ["Tags Syria Raqqa Aleppo human rights Islamic State ISIS"]),
        ("Tags Syria Islamic State activists murder video Palmyra The Islamic State group "
         "released a video.", ["Tags Syria Islamic State activists murder video Palmyra"]),
        # Ends at punctuation, at a function word, at a number.
        ("Tags Nusra Front Aleppo Syria war. A suicide bomber blew himself up.",
         ["Tags Nusra Front Aleppo Syria war"]),
        ("Tags: Syria Idlib rebels launched an offensive on government areas.",
         ["Tags: Syria Idlib rebels launched an offensive"]),
        ("Tags Syria Aleppo 16 people were killed.", ["Tags Syria Aleppo"]),
        # Parentheses belong to a keyword.
        ("Tags Syrian Democratic Forces (SDF) Raqqa Syria",
         ["Tags Syrian Democratic Forces (SDF) Raqqa Syria"]),
        # No list: "Tags" as a word of a sentence, or lower case after it.
        ("The price tags were high in Aleppo.", []),
        ("Tags were printed in Aleppo.", []),
    ],
)
def test_keyword_lists(text: str, expected: list[str]) -> None:
    spans = keyword_lists(text)
    assert [text[s.start : s.end] for s in spans] == expected
    for s in spans:
        assert inside(spans, s.start + 5, s.end)
        assert not inside(spans, s.start, s.end + 1)


BODY = "A man was shot on Main Street on Sunday night, police said. He died at the hospital."


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # related headlines, with or without list markers, blank lines between them
        (BODY + "\n\nRELATED ARTICLES\n+ Family: Man killed by LMPD had mental health issues\n"
         "+ Neighbor describes moments before police shot, killed man\n"
         "+ Man shot, killed by police identified", None,
         ["RELATED ARTICLES", "+ Family: Man killed by LMPD had mental health issues",
          "+ Neighbor describes moments before police shot, killed man",
          "+ Man shot, killed by police identified"]),
        ("1:19 Preliminary autopsy results revealed by sheriff Pause\n\n2:51 Sheriff gives "
         "update on officer-involved shooting\n\n0:50 One dead after shooting involving "
         "officer\n\n1:39 Who is BTK?\n\n" + BODY, None,
         ["1:19 Preliminary autopsy results revealed by sheriff Pause",
          "2:51 Sheriff gives update on officer-involved shooting",
          "0:50 One dead after shooting involving officer", "1:39 Who is BTK?"]),
        ("Share this: Facebook\nTwitter\nGoogle\nEmail\nPrint\n\n" + BODY, None,
         ["Share this: Facebook", "Twitter", "Google", "Email", "Print"]),
        # the article's own headline, a subtitle and a byline are no list
        ("Man shot dead in Tulsa\n\nFour shot at an apartment complex in Tulsa\n\nBy Russell "
         "Mills\n\n" + BODY, "Man shot dead in Tulsa", []),
        # three short lines are too few; sentences are no list items
        ("Related\nMan shot in Akron\nWoman hurt in crash\n\n" + BODY, None, []),
        (BODY + "\n" + BODY + "\n" + BODY + "\n" + BODY, None, []),
    ],
)
def test_link_lists(text: str, title: str | None, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in link_lists(text, title)] == expected


@pytest.mark.parametrize(
    ("line", "notice"),
    [
        # the site speaking to its reader about the site: account walls, paywalls, players
        ("Sign in using your wsoc profile", True),
        ("Already a subscriber?", True),
        ("Click on the button below to set up your account or log in if you already have one.",
         True),
        ("If you do not receive the verification message within a few minutes of signing up, "
         "please check your Spam or Junk folder.", True),
        ("Your browser does not support the audio element.", True),
        ("Visit us and sign in to update your profile, receive the latest news and keep up "
         "to date with mobile alerts.", True),
        ("Sorry, this zipcode is not in our deliverable area for this subscription service.",
         False),  # no reader addressed: but its next line is ...
        ("Re-enter zip code or sign up for digital access.", True),
        # the article's own sentences, even about email, accounts or a reader
        ("The family set up a GoFundMe account to help pay for the funeral.", False),
        ("Parents were told of the death in an email from the principal.", False),
        ("Anyone with information can call police. You can also send tips to the sheriff.",
         False),
        ('"You never think it will happen on your street," a neighbor said of the shooting.',
         False),
    ],
)
def test_site_notices(line: str, notice: bool) -> None:
    text = BODY + "\n\n" + line + "\n\n" + BODY
    found = [text[s.start:s.end] for s in site_notices(text)]
    assert found == ([line] if notice else [])
