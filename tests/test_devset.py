"""The development set: gold files are consistent, and the builder's scores do not regress.

The floors sit a little under the scores measured when they were set (see the
closing notes); raise them when the builder improves, never lower them to make
a change pass.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import PROJECT

DEVSET = PROJECT / "tests" / "devset"
#: Documents no rule was written for (see tests/heldout/README.md): their gold files are
#: checked here, their scores are never a test.
HELDOUT = PROJECT / "tests" / "heldout"
CLASSES = re.compile(r"^hg:[A-Z]\w+$")


@pytest.mark.parametrize(
    "gold_path",
    sorted([*DEVSET.glob("*.gold.json"), *HELDOUT.glob("*.gold.json")]),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_gold_strings_occur_in_their_document(gold_path) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _assert_quotes(gold, (gold_path.parent / gold["document"]).read_text(encoding="utf-8"))


def _assert_quotes(annotation: dict, text: str) -> None:  # type: ignore[type-arg]
    """Every class is an hg: class; every mention and evidence occurs in the text."""
    for entity in annotation["entities"]:
        assert CLASSES.match(entity["class"])
        for mention in entity["mentions"]:
            assert mention in text, mention
    for item in annotation["events"] + annotation["figures"]:
        assert item["evidence"] in text, item["evidence"]


@pytest.mark.parametrize(
    "second_path",
    sorted((HELDOUT / "second").glob("*.gold.json")),
    ids=lambda p: f"second/{p.stem}",
)
def test_second_annotations_quote_the_first_ones_documents(second_path) -> None:  # type: ignore[no-untyped-def]
    """The second, independent annotations (``make agreement``) annotate the held-out texts."""
    second = json.loads(second_path.read_text(encoding="utf-8"))
    first = json.loads((HELDOUT / second_path.name).read_text(encoding="utf-8"))
    assert second["document"] == first["document"]
    _assert_quotes(second, (HELDOUT / second["document"]).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_scores_do_not_regress() -> None:
    from historygraph.evaluate import evaluate_devset

    totals, per_doc = evaluate_devset(DEVSET)
    seed = per_doc["road-to-victory.txt"]
    assert (
        seed["entities"].f1 == 1.0 and seed["events_strict"].f1 == 1.0 and seed["figures"].f1 == 1.0
    )
    assert totals["quotes"].fp == 0 and totals["quotes"].tp > 0
    # 0.86 over the seven documents before tbilisi-1989 (held out, first run 0.64) joined
    # in session 10; 0.83 with it. Session 11: 0.88 over those eight after its entity
    # rules; two more held-out documents (a helper wrote them without seeing the builder;
    # first run 0.83, 0.85 after the rules) give 0.87 over ten. Three more held-out
    # documents (first run: entities 0.85, events 0.51, figures 0.86) lowered figures from
    # 0.95 to 0.93 over thirteen; the figure rules that followed took them to 0.97.
    # Three more (first run: entities 0.79, events 0.67, figures 0.90) give entities
    # 0.87, events 0.77, figures 0.96 over sixteen. Session 12: three more held-out
    # documents (first run: entities 0.61, events 0.60, figures 0.79; they annotate many
    # described places and groups) lowered entities to 0.83 over nineteen; the rules
    # that followed give 0.84. Three more (first run: entities 0.76, events 0.68,
    # figures 0.70) and the rules after them: entities 0.836, events 0.78, figures 0.95
    # over twenty-two. Three more (first run: entities 0.75, events 0.72, figures 0.76)
    # and the rules after them: entities 0.829, events 0.774, figures 0.939 over
    # twenty-five. Session 14: three more held-out documents (first run: entities 0.72,
    # events 0.61, figures 0.97), then three encyclopedia-style and feature documents
    # (first run after the rules the first three prompted: entities 0.76, events 0.63,
    # figures 0.88); with the rules after them: entities 0.821, events 0.758, figures
    # 0.949 over thirty-one. Three more (an official news item, an agency report on an
    # agreement, a refugee report; first run: entities 0.80, events 0.42, figures 0.87)
    # and the rules after them: entities 0.821, events 0.748, figures 0.952 over
    # thirty-four; then 0.767 events with the site and signing triggers. Three more on the
    # builder after all of them (a 1991 rights-report chapter, a biography, a state
    # agency's dispatch; first run: entities 0.80, events 0.81, figures 0.91), with the
    # rules after them: entities 0.826, events 0.785, figures 0.953 over thirty-seven.
    # Session 15: nine more held-out documents in three batches, each scored on its first
    # run before its errors informed rules (a Supreme Soviet session record, an oral
    # history, a chronology: entities 0.76, events 0.61, figures 0.90; Derry 1972,
    # Gwangju 1980, a Western report on September 2023: 0.70, 0.67, 0.81; Kent State
    # 1970, an Armenian foreign-ministry statement, an Azerbaijani anniversary feature:
    # 0.75, 0.68, 0.87); with the rules after them: entities 0.816, events 0.776,
    # figures 0.947 over forty-six. A fourth batch on the builder after those rules
    # (Soweto 1976, an encyclopedia entry on the Popular Front of Azerbaijan, a Moscow
    # newspaper in 2010; first run: entities 0.75, events 0.57, figures 0.88) and one rule
    # after it (a weekday tells the year): entities 0.811, events 0.763, figures 0.944 over
    # forty-nine. A fifth batch on the builder after the rules up to then (a Georgian
    # news report on the 30th anniversary of 9 April 1989, an Azerbaijani
    # foreign-ministry statement, a scholarly review with author-year citations; first
    # run: entities 0.69, events 0.55, figures 0.78) and the first rule it informed
    # (citations are left out of what the model reads): entities 0.807, events 0.758,
    # figures 0.934 over fifty-two; 0.807, 0.764, 0.936 with the last ones (a toll that
    # rose to N, "marked thirty years since", religious titles).
    # Session 16: a sixth batch on the builder of session 15's end (a wire report on Riga
    # 1991, an encyclopedia entry on Alma-Ata 1986, a Russian historian's essay on Baku
    # 1990; first run: entities 0.70, events 0.72, figures 0.91) and the rules of
    # ontology 0.9.0: entities 0.808, events 0.767, figures 0.934 over fifty-five. A
    # seventh batch on the builder after those rules (a parliament's press release in
    # 2024, a Western explainer in 2020, an encyclopedia entry on the Alley of Martyrs;
    # first run: entities 0.83, events 0.74, figures 0.86) and the rules after it:
    # entities 0.810, events 0.773, figures 0.935 over fifty-eight. An eighth (an Armenian
    # diaspora weekly on the Baku pogroms, a rights group on the 2023 exodus, a state
    # agency on Victory Day 2023; first run: entities 0.76, events 0.67, figures 0.89)
    # and the rules after it: entities 0.815, events 0.771, figures 0.937 over sixty-one.
    # A ninth (a TASS statement of January 1990, a school textbook on 1988-1994, a
    # European Parliament resolution of 2023; first run: entities 0.77, events 0.54,
    # figures 0.98) and the rules after it: entities 0.815, events 0.762, figures 0.940
    # over sixty-four. A tenth (an Azerbaijani foreign-ministry statement on Khojaly, a
    # broadcaster's feature on survivors of Black January, a 1991 rights report on
    # Operation Ring; first run: entities 0.78, events 0.55, figures 0.80) and the rules
    # after it: entities 0.815, events 0.758, figures 0.937 over sixty-seven. An eleventh
    # (an encyclopedia entry on the First Karabakh War, Russian state media on the
    # peacekeepers in September 2023, a Baku district's news item on a commemoration;
    # first run: entities 0.78, events 0.55, figures 0.91) and the rules after it:
    # entities 0.814, events 0.751, figures 0.937 over seventy. The events floor moves
    # from 0.75 to 0.74: the new documents brought the total to the old floor. (Of this
    # session's changes, two lowered the events total over the documents they had then,
    # by 0.0007 and 0.0002, each for a gain on new text; the others raised or kept it.)
    # A twelfth (a scholarly article with author-year citations on Black January, a
    # regional outlet on the Ganja strikes of 2020, a 1992 rights report on Khojaly; first
    # run: entities 0.79, events 0.67, figures 0.73) and the figure rules after it:
    # entities 0.813, events 0.749, figures 0.935 over seventy-three. A thirteenth (a state
    # library's entry on 20 January, a rights report on the Barda and Stepanakert strikes
    # of 2020, a Baku newspaper of 23 January 1990; first run: entities 0.69, events 0.68,
    # figures 0.83) and two rules after it: entities 0.810, events 0.747, figures 0.932
    # over seventy-six. A fourteenth, on the builder after all of them (a Lithuanian
    # foreign-ministry statement on 13 January 1991, an Azerbaijani diaspora's press
    # release in Berlin, a missing-persons commission's statement; first run: entities
    # 0.72, events 0.73, figures 0.67) and the figure rules after it: entities 0.805,
    # events 0.747, figures 0.927 over seventy-nine (0.931 with the last one: a part
    # counted in the sentence after its count). The figures floor moves from 0.93 to
    # 0.92 with these documents (the rules after them raised the total).
    # Session 17: a fifteenth batch on the builder of session 16's end (an exile radio's
    # report on Prague 1968, a think tank on April 2016, Azerbaijan's letter to the UN on
    # the 30th anniversary; first run: entities 0.78, events 0.55, figures 0.86), a
    # sixteenth on the builder after the first rules it informed (a rights report on
    # Kyiv 2014, a Soviet colonel's memoir of Baku 1990, an encyclopedia entry on Osh
    # 2010; first run: 0.66, 0.68, 0.94), a seventeenth after more (an Uzbek
    # prosecutor's statement on Andijan 2005, an Armenian diaspora essay on January 1990,
    # a state agency on Victory Day 2021; first run: 0.74, 0.65, 0.93) and an eighteenth
    # after more (a Western wire report of 21 January 1990, a Soviet newspaper on Sumgait
    # 1988, a museum's timeline; first run: 0.64, 0.75, 0.89), a nineteenth after more (an
    # Azerbaijani school textbook on 20 January, an Armenian foreign-ministry statement on
    # Khojaly of 2012, a Soviet defence-ministry report on Tbilisi 1989; first run: 0.70,
    # 0.77, 0.90) and a twentieth after more (Russian state television on the 30th
    # anniversary of 20 January, Azerbaijan's defence-ministry briefing of September 2023,
    # a UN update on the refugees of 2023; first run: 0.78, 0.82, 0.90) and a twenty-first
    # after more (a state agency on the 30th anniversary of 20 January, a Sumgait
    # survivor's testimony, a TASS report on Alma-Ata 1986; first run: 0.68, 0.67, 0.85).
    # With all of session 17's rules: entities 0.795, events 0.764, figures 0.933 over
    # one hundred (0.797, 0.760, 0.935 over ninety-one, before the last three batches).
    # Over the seventy-nine documents of session 16 the rules raised entities from 0.805 to
    # 0.808, events from 0.747 to 0.765 and figures from 0.931 to 0.935. The entities floor moves
    # from 0.80 to 0.79: the new documents brought the total below the old floor (0.8016
    # over eighty-eight, 0.7971 over ninety-one). The events and figures floors rise to
    # 0.75 and 0.93.
    # Session 18: a twenty-second batch on the builder of session 17's end (a rights report
    # on Zhanaozen 2011, a presidential address on March 1918, a parliamentary debate on
    # Karabakh 2023; first run: 0.67, 0.67, 0.86) and a twenty-third after the rules it
    # informed (a Belarusian civic group on Kurapaty, a Russian agency on Khojaly 1992, a
    # news site's explainer on 20 January; first run: 0.75, 0.56, 0.83) and a twenty-fourth
    # after the rules that one informed (a prosecutor on the Ganja strikes, Fergana 1989,
    # the August 1991 coup; first run: 0.73, 0.63, 0.93) and a twenty-fifth after the rules
    # that one informed (a border troops' report on Nakhchivan 1989, Dushanbe 1990, a live
    # blog of September 2023; first run: 0.72, 0.69, 0.70, the live blog with a crash fix)
    # and a twenty-sixth after the rules that one informed (a historian's essay on Sumgait,
    # a radio interview on Andijan, a state agency on the Shusha Declaration; first run:
    # 0.65, 0.74, 0.77) and a twenty-seventh (the Soviet military prosecutor on Vilnius
    # 1991, the martial law command on Gwangju 1980, a refugee's blog on Karabakh; first
    # run: 0.58, 0.65, 0.68) and a twenty-eighth (the Soviet interior ministry on Operation
    # Ring, an Armenian historian on March 1918, a UN press release on Kelbajar 1993; first
    # run: 0.62, 0.50, 0.85). Over the one hundred documents of session 17 the rules of session 18
    # raised entities from 0.795 to 0.799, events from 0.764 to 0.771 and figures from 0.933
    # to 0.940. The new documents brought the totals below the floors (over one hundred and
    # twenty-one: entities 0.780, events 0.755, figures 0.922), which move to 0.77, 0.75 and
    # 0.92.
    # Session 19: a twenty-ninth batch on the builder of session 18's end (a samizdat
    # account of Novocherkassk 1962, a memorial guide at Khatyn, Kazakhstan's prosecutor on
    # January 2022; first run: 0.70, 0.57, 0.78) and a thirtieth on the same builder
    # (Tlatelolco 1968 at fifty, a Memorial report on Samashki 1995, a deputy's speech on
    # Guba 1918; first run: 0.67, 0.56, 0.65); a thirty-first after the rules they informed
    # (an army inquiry on My Lai, a tribunal transcript on Nyarubuye, a state agency on
    # Aghdam; first run: 0.68, 0.67, 0.81) and a thirty-second on the same builder (a Duma
    # report on the Lena goldfields, an exile NGO on Hama 1982, a Romanian daily on the
    # Mineriad; first run: 0.64, 0.65, 0.91). The new documents brought events below its
    # floor (over one hundred and thirty-three: entities 0.773, events 0.745, figures
    # 0.923), which moves to 0.74. A thirty-third batch after the rules those informed (a
    # newspaper on the Jallianwala Bagh centenary, a UN General Assembly resolution on
    # Sabra and Shatila, a Soviet officer's interview on Operation Ring; first run: 0.69,
    # 0.76, 0.76) and a thirty-fourth on the same builder (Uzbek state TV on Andijan, a
    # rights report on Khojaly, a Gwangju militiaman's memoir; first run: 0.71, 0.74, 0.93);
    # a thirty-fifth after the rules they informed (an Azerbaijani commission on 20
    # January, a Soviet general's interview on Tbilisi, a wire report on Srebrenica at 20;
    # first run: 0.78, 0.70, 0.85) and a thirty-sixth on the same builder (a Soviet
    # textbook on March 1918, a Kelbajar refugee's oral history, the OSCE on Andijan; first
    # run: 0.61, 0.56, 0.62). Over one hundred and forty-five documents: entities 0.770,
    # events 0.743, figures 0.922; the entities floor moves to 0.76. A thirty-seventh batch
    # after the rules those informed (an embassy's press release on 20 January, a newspaper
    # on the Saville report, an Armenian civic group on Sumgait; first run: 0.72, 0.75,
    # 0.82) and a thirty-eighth on the same builder (a Russian defence ministry bulletin of
    # September 2023, a Turkish newspaper on Khojaly in 1992, the Georgian parliament on 9
    # April; first run: 0.68, 0.53, 0.88). Over one hundred and fifty-one: entities 0.767,
    # events 0.740, figures 0.922. A thirty-ninth after the rules those informed (Armenia's
    # ombudsman on the Lachin corridor, a Russian liberal magazine on 20 January, Kent
    # State's historical marker; first run: 0.75, 0.70, 0.80) and a fortieth on the same
    # builder (the ICRC on arrivals in Goris, an Armenian conscript's diary of Shushi 2020,
    # Romanian prosecutors on Timisoara; first run: 0.69, 0.56, 0.86). Over one hundred and
    # fifty-seven: entities 0.765, events 0.738, figures 0.921; the events floor moves to
    # 0.73. Over the one hundred and twenty-one documents of session 18's end, the rules
    # of session 19 raised entities from 0.780 to 0.783, events from 0.755 to 0.756, strict
    # events from 0.182 to 0.190 and figures from 0.922 to 0.928.
    # Session 20: a forty-first batch on the builder of session 19's end (an encyclopedia
    # entry on Bloody Sunday 1905, the Hungarian government on 1956, Armenia's defence
    # ministry bulletin of October 2020; first run: 0.69, 0.59, 0.84) and a forty-second on
    # the same builder (the South African truth commission on Sharpeville, a Russian
    # historian on 20 January, Czechoslovak Radio on 21 August 1968; first run: 0.70, 0.67,
    # 0.78). Over one hundred and sixty-three: entities 0.762, events 0.734, figures 0.917
    # before the rules they informed, 0.924 after the first (ranges with a hedge or read
    # from their high end, parts the model made the next verb's subject).
    # A forty-third batch after those rules (the Russian Duma on Katyn, the Kurdistan
    # Regional Government on Halabja at 35, a Soviet agency's dispatch on Askeran 1988;
    # first run: 0.71, 0.56, 0.59) and a forty-fourth on the same builder (a commission's
    # report on Tulsa 1921, a Popular Front activist's memoir of January 1990, a president's
    # address on Shusha 2020; first run: 0.71, 0.72, 0.90). Over one hundred and
    # sixty-nine: entities 0.760, events 0.730, figures 0.919 before the rules they
    # informed, 0.923 after them (a broadcast's or bulletin's line dates the text, "4,700 of
    # the dead", a second part "and 10 white", "admit" as a verb of reporting).
    # A forty-fifth batch after the rules those informed (a New York newspaper on Kishinev
    # 1903, a diaspora's vigil in London in 2024, a state agency on Lachin 2022; first run:
    # 0.70, 0.78, 0.94) and a forty-sixth on the same builder (an encyclopedia entry on
    # Guernica, an archive's account of Nakhchivan's secession in January 1990, the Soviet
    # interior ministry on Osh 1990; first run: 0.68, 0.59, 0.69). Over one hundred and
    # seventy-five: entities 0.759, events 0.729, figures 0.920; the floors move to 0.75,
    # 0.72 and 0.91, a little under.
    # With the rules that followed (the date of writing for statements and ceremonies, a
    # weekday in the future, "the country", "international community", named "sources",
    # bare "troops", "troops of" states): entities 0.762, events 0.730, strict events 0.186,
    # figures 0.920, event dates 0.71, agents 0.53.
    # Session 21: eight more batches, two at a time, each pair on the builder after the
    # rules the pair before informed: the forty-seventh (Tovuz 2020, Marikana 2012, the
    # Sejm on December 1970; first run 0.64, 0.68, 0.90) and forty-eighth (Garadaghly
    # 1992, Vukovar 1991, Azerbaijan's independence; 0.77, 0.74, 0.64); the forty-ninth
    # (Bucha 2022, Tbilisi 1956, Kengir 1954; 0.76, 0.67, 0.77) and fiftieth (Lachin 1992,
    # Kibeho 1995, Baku September 1918; 0.65, 0.81, 0.89); the fifty-first (Nanjing 1937,
    # Baku 1905, Batken 2022; 0.59, 0.67, 0.74) and fifty-second (Grozny 1999, Minsk 2020,
    # Mardakert 2016; 0.71, 0.59, 0.90); the fifty-third (Ganja 1920, Sumgait 1988, the
    # Shusha Declaration; 0.65, 0.71, 0.64) and fifty-fourth (Dersim 1938, Halabja 1988,
    # Tulsa 1921; 0.63, 0.76, 0.92). Over one hundred and ninety-nine documents: entities
    # 0.751, events 0.728, figures 0.909 on the builder of the session's start, 0.758,
    # 0.746 and 0.922 after its rules (counted people named by role, ranges that are no
    # sums, named areas in apposition, peoples, historians, gatherings, memorials opened,
    # funeral processions, ...).
    # The floors stay.
    # Session 22: six more batches, two at a time, each pair on the builder after the
    # rules the pair before informed: the fifty-fifth (Lankaran 1990, Budapest 1956, Jeju
    # 1948; first run 0.72, 0.55, 0.85) and fifty-sixth (Lachin 1992, Beslan 2004, Baku 1990;
    # 0.71, 0.54, 0.92); the fifty-seventh (Derry 1972, the Crimean Tatar deportation, a
    # Washington rally of January 1990; 0.71, 0.67, 0.97) and fifty-eighth (Gori 2008,
    # Budyonnovsk 1995, Armenia 1988; 0.73, 0.67, 0.87); the fifty-ninth (Khojaly 1992,
    # Zhanaozen 2011, Odessa 2014; 0.77, 0.56, 0.89) and sixtieth (a Khojavend village 1992,
    # Andijan 2005, Tbilisi 1989; 0.66, 0.54, 0.87). Over the one hundred and ninety-nine
    # documents of the session's start: entities 0.758 -> 0.766, events 0.746 -> 0.746,
    # figures 0.922 both times; over all two hundred and seventeen 0.762, 0.735, 0.921.
    # The floors stay.
    # Session 23: two more batches at once, on the builder after the session's first two
    # rules: the sixty-first (Kirovabad 1988, a Baku funeral of January 1990, Peterloo
    # 1819; first run 0.60, 0.51, 0.89) and sixty-second (Novocherkassk 1962, Zangilan
    # 2020, Lidice 1942; 0.68, 0.69, 0.83). Over the two hundred and seventeen of the
    # session's start: entities 0.762 -> 0.766, events 0.735 both times, figures 0.921 ->
    # 0.923. Then the sixty-third (Shamakhi 1918, Sumgait 1988, Amritsar 1919; first run
    # 0.70, 0.75, 0.90) and sixty-fourth (Khojaly 1992, Derry 1972, the Chechen deportation
    # of 1944; 0.62, 0.36, 0.97); then the sixty-fifth (Tbilisi 1989, Baku 1990 from
    # Istanbul, Marikana 2012; 0.67, 0.74, 0.88) and sixty-sixth (Garadaghly 1992, Kent
    # State 1970, Halabja 1988; 0.66, 0.72, 0.77); the sixty-seventh (Sumgait 1988, Vilnius
    # 1991, Nyarubuye 1994; 0.69, 0.68, 0.74) and sixty-eighth (Khojaly 1992, Baku 1990 from
    # Vilnius, Osh 1990; 0.70, 0.85, 0.97). Over the two hundred and seventeen of the
    # session's start, after all its rules: 0.768, 0.735, 0.923; over all two hundred and
    # forty-one 0.759, 0.731, 0.921. The floors stay.
    # Session 24: eighteen more batches, two or three at a time, each scored on the builder
    # of the commit it was started from: the sixty-ninth to the eighty-sixth (Shusha 1992,
    # Qana 1996, Vukovar 1991, Khojaly 1992 from Aghdam, a Soviet deputy on Baku 1990,
    # Tiananmen 1989 from Hong Kong; Croke Park 1920, Ponce 1937, Kalbajar 1993, Temirtau
    # 1959, Shusha from Baku, Boston 1770; Selma 1965, a Khojaly prosecutor, Guba 1918,
    # Dili 1991, a State Department briefing on Baku 1990, Belfast 1972; Oradour 1944, a
    # Commons motion on Baku 1990, Dujail 1982, the ICRC on Karabakh 2023, a Khojaly
    # memorial abroad, El Mozote 1981; Babi Yar 1941, Aghdam 1993, Batang Kali 1948,
    # Wounded Knee 1890, Black January from Ankara, Malibeyli 1992; Port Said 2012, a
    # Popular Front leaflet of 1990, Odessa 1941, Nalchik 2005, a Soviet military
    # prosecutor on Baku 1990, Ludlow 1914; Trafalgar Square 1887, a Khojaly commission,
    # Bisho 1992, Jackson State 1970, Tartar 2020, the Halconazo 1971; Amritsar 1919, a
    # Baku commission of 2020, Kharkov 1943, an Armenian reply on Khojaly, Mariupol 2022,
    # Kwangju 1980; Sumgait 1988 on Soviet television, Bucha 2022, the Widgery report,
    # Lachin 1992, Kent State from the National Guard, Tbilisi 1989 from the Patriarch).
    # The fifty-four first runs: entities 0.68, events 0.69, figures 0.85. Over the two
    # hundred and forty-one of the session's start, after its rules: entities 0.7585 ->
    # 0.7654, events 0.731 -> 0.734, figures 0.921 -> 0.922; over all two hundred and
    # ninety-five 0.7506, 0.728, 0.912. The floors stay.
    # Session 25: six more batches, two at a time, each scored on the builder of the commit
    # it was started from: the eighty-seventh to the ninety-second (Aghdaban 1992,
    # Thammasat 1976, the "Shield" officers on Baku 1990; Novi Sad 1942, Azerbaijani
    # writers on Baku 1990, Setif 1945; Racak 1999, Kafr Qasim 1956, an Estonian newspaper on
    # Baku 1990; a Khojaly op-ed, Kragujevac 1941, Aksy 2002; Batak 1876, the Soviet army
    # newspaper on Baku 1990, Elaine 1919; Gubadli 1993, Hebron 1929, Lhasa 2008). The
    # eighteen first runs: entities 0.69, events 0.66, figures 0.87. Over the two hundred
    # and ninety-five of the session's start, after its rules: entities 0.7506 -> 0.7538,
    # events 0.7283 -> 0.7286, figures 0.9120 -> 0.9148; over all three hundred and
    # thirteen 0.7507, 0.725, 0.915. The eighteen new documents took entities below 0.75
    # for a while (one commit set its floor to 0.745); the session's last rule brought it
    # back, and the floors stay.
    # Session 26: ten more batches, two or three at a time, each scored on the builder of
    # the commit it was started from: the ninety-third to the hundred-and-second (Peshawar
    # 1930, a Soviet leader on Baku 1990, Tskhinvali 2008; Kielce 1946, Jabrayil 2020,
    # Mendiola 1987; Aghdam 2020, Qibya 1953, Rosewood 1923; Boipatong 1992, Khankendi 2023,
    # Kalavryta 1943; a Moscow rights group on Baku 1990, Soweto 1976, Nakhchivan 1989;
    # Attica 1971, Poznan 1956, a Soviet weekly on Baku 1990; Karkijahan 1992, the Bogside
    # 1969, Kengir 1954; Fuzuli 2020, the Italian Hall 1913, a party plenum on Baku 1990;
    # Nemmersdorf 1944, Sumgait 1988, Zhanaozen 2011; a Turkish deputy on Baku 1990,
    # Haditha 2005, Khojaly 2024). Mean of the ten batches' first runs: entities 0.72,
    # events 0.68, figures 0.91. Over the three hundred and thirteen of the session's start,
    # after its rules: entities 0.7507 -> 0.7544, events 0.7252 -> 0.7282, figures 0.9153 ->
    # 0.9158; over all three hundred and forty-three 0.7520, 0.7256, 0.9154. The new
    # documents took entities to 0.7494 for a while; the session's rules brought it back,
    # and the floors stay.
    # Session 27: thirteen more batches (the hundred-and-third to the hundred-and-fifteenth),
    # written blind and scored first on the builder they were started from (tests/devset/README.md;
    # mean of the thirteen first runs: entities 0.72, events 0.65, figures 0.87). Over the three
    # hundred and forty-three of the session's start, its rules raised entities from 0.7520
    # to 0.7545, events from 0.7256 to 0.7265 and figures from 0.9154 to 0.9159; over all
    # three hundred and eighty-two: 0.7516, 0.7200, 0.9128.
    # The new documents took entities over all documents to 0.7490 for a while; the
    # session's rules brought it back over 0.75, and the entities floor is back at 0.75. The
    # last two batches took events to 0.7190 for a while (events told with words the lexicon
    # lacks: a court-martial's findings, a mosque seized), and the events floor was 0.715;
    # the last rule ("tens of thousands of people gathered") brought events back to 0.7200,
    # and the floor is back at 0.72.
    # Session 28: six more batches (the hundred-and-sixteenth to the hundred-and-twenty-first,
    # eighteen documents, written blind and scored first on the builder of 16eaf33; mean of
    # the six first runs: entities 0.75, events 0.64, figures 0.88). Over the three hundred
    # and eighty-two of the session's start its first rules took entities from 0.7516 to
    # 0.7525 and events from 0.7200 to 0.7199 (one extra: "the severest judgments Congress
    # has passed", now that "Congress" is a legislature); over all four hundred: entities
    # 0.7529, events 0.7164, figures 0.9111. The new documents (events told with words the
    # lexicon lacks: a strike's clashes, a fort taken, towns "liberated") took events under
    # 0.72; the events floor moves to 0.715. Five more batches (the hundred-and-twenty-second
    # to the hundred-and-twenty-sixth; first runs on e991872: entities 0.75, events 0.74,
    # figures 0.92) bring the set to four hundred and fifteen, three more (the
    # hundred-and-twenty-seventh to the hundred-and-twenty-ninth; first runs on ddd3538:
    # 0.72, 0.65, 0.88) to four hundred and twenty-four. Over the three hundred and
    # eighty-two of the session's start, its rules took entities from 0.7516 to 0.7589
    # (events 0.7200 to 0.7199, figures 0.9128 unchanged); over all four hundred and
    # twenty-four: entities 0.7594, events 0.7161, figures 0.9110. The entities floor rises
    # to 0.755. The last rule (hg:needsParticulars) took events to 0.7175 (0.7207 over the
    # three hundred and eighty-two); the events floor stays at 0.715.
    # Session 29: eight more batches (the hundred-and-thirtieth to the hundred-and-thirty-
    # seventh; first runs on ba9232a: entities 0.70, events 0.67, figures 0.89) bring the set
    # to four hundred and forty-eight: on the session's start builder entities 0.7557, events
    # 0.7152, figures 0.9098 (under the figures floor); a bare number a report verb gives in
    # the sentence after a count took figures to 0.9104. Twelve more batches (the
    # hundred-and-thirty-eighth to the hundred-and-forty-ninth; mean of the session's twenty
    # first runs 0.73, 0.71, 0.89) bring the set to four hundred and eighty-four: the
    # session's start builder gives 0.7556, 0.7171, 0.9089 over them, its end 0.7598, 0.7190,
    # 0.9110 (over the four hundred and twenty-four of its start, 0.7594 to 0.7622, 0.7175 to
    # 0.7195, 0.9110 to 0.9127). The floors stay.
    # Session 38: its rules took entities from 0.7638 to 0.7663; the floor rises to 0.76.
    # Session 39: from 0.7663 to 0.7692; the floor rises to 0.765.
    # Session 40: from 0.7692 to 0.7707; the floor rises to 0.768.
    # Session 41: from 0.7711 to 0.7748; the floor rises to 0.772.
    # Session 42: from 0.7748 to 0.7761; the floor rises to 0.775.
    # Session 43: from 0.7761 to 0.7783; the floor rises to 0.777.
    # Session 44: from 0.7783 to 0.7794; the floor rises to 0.778.
    # Session 45: from 0.7794 to 0.7806; the floor rises to 0.779.
    # Session 46: from 0.7806 to 0.7822; the floor rises to 0.781.
    # Session 47: from 0.7822 to 0.7830; the floor rises to 0.782.
    # Session 48: from 0.7830 to 0.7856; the floor rises to 0.783.
    # Session 49: from 0.7856 to 0.7868; the floor rises to 0.785.
    # Session 50: entities from 0.7868 to 0.7871; figures from 0.9110 to 0.9171 (parts of a
    # total after a colon or told where, lives claimed, a toll that lies between two
    # counts); the figures floor rises to 0.915.
    # Session 51: entities from 0.7871 to 0.7878 (initials of two letters, post-nominal
    # letters, late-Soviet leaders, loose bodies, councils of bodies); the floor rises to 0.786.
    # Session 52: from 0.7878 to 0.7890 (special police and squads, one unnamed person by a
    # word of the lexicon, given names, members of a party); the floor rises to 0.788.
    # Session 53: from 0.7890 to 0.7894 (places by a passive verb of entering, a route's end
    # and a plural settlement noun; a given-name name beside a body); the floor rises to 0.789.
    # Session 54: from 0.7894 to 0.7909 (names the model took for nationalities, datelines
    # the story goes on from, the size of a place and quoted words as no group, "the
    # Motherland", feasts); the floor rises to 0.790.
    # Session 55: from 0.7909 to 0.7910 (a surname the model left out of a person's name;
    # people given only as a count named by what they do in a conjoined verb's event).
    # A new document may lower the totals; a change may not.
    assert totals["entities"].f1 >= 0.790
    assert totals["events"].f1 >= 0.715
    assert totals["figures"].f1 >= 0.915
    # Session 33: which event each matched figure is given to (0.6185; held-out 0.4934).
    # Session 34: the dead and the missing go to the killing told before them (0.6244).
    # Session 36: a comma after a date that opens a sentence lets the model find the
    # subject, and ten more events are matched ("During the night of 19 to 20 January
    # units of the Soviet Army ... entered Baku"); figure event is scored over the figures
    # of matched events only, and the figures told of those events ("83 civilians ... had
    # been killed in the fighting that followed the entry") were already given to another
    # event: eighteen more pairs scored, the number right unchanged at 1,014 (0.6175).
    assert totals["figure event"].f1 >= 0.615
    # Session 35: the dates of matched events (0.5991 at its start, 0.6091 at its end).
    # Session 40: a line of writing that ends with its agency dates the text (0.6160 to
    # 0.6180); the floor rises to 0.615.
    assert totals["event date"].f1 >= 0.615
    # Session 53: the agents of matched events ("I" as the person the title names: 0.5516
    # to 0.5552).
    # Session 55: 0.5572 to 0.5685 (who issued the act an event was made by, parses that
    # hang a clause on "dated" or on the verb before, a series of acts, gatherings that are
    # commemorations, "our people"); the floor rises to 0.565.
    assert totals["event agents"].f1 >= 0.565
