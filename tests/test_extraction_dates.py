"""Dates (the times stage, and how events take them) on short texts written for these
tests: each test checks one general rule on sentences the rules were not written for."""

from __future__ import annotations

import pytest

from historygraph.namespaces import HG
from tests.extraction_support import event_dates, labels

pytestmark = pytest.mark.slow


def test_day_and_month_take_the_year_from_context(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Protests began in Leipzig in September 1989. On October 9 a mass demonstration took place in Leipzig."
    doc = extract(text)
    values = [t.value for t in doc.times if t.kind == "date"]
    assert "1989-10-09" in values


def test_names_in_a_heading_count_only_if_the_body_names_them(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Lusaka Mourns\n\nPolice fired on a crowd in Lusaka on 3 May 1980.")
    assert {e.label for e in doc.entities.values()} == {"Lusaka", "crowd", "Police"}
    # a heading names the topic: its trigger word makes no event of its own
    doc = extract(
        "Massacre At Kanyama Remembered\n\n"
        "On 3 May 1980 police fired on a crowd in Kanyama, killing 12 people."
    )
    assert [(e.cls, e.date.value if e.date else None) for e in doc.live_events()] == [
        (HG.Massacre, "1980-05-03")
    ]


def test_the_massacre_refers_back_whatever_the_sentence_adds(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 13 April 1919 troops fired on a crowd in Amritsar, killing 379 people. "
        "The massacre provoked outrage across India. On 10 April 2019 the prime minister "
        "said the massacre was a shameful scar."
    )
    events = doc.live_events()
    assert len(events) == 1 and events[0].cls == HG.Massacre
    assert events[0].date is not None and events[0].date.value == "1919-04-13"
    assert doc.entities[events[0].place].label == "Amritsar"  # type: ignore[index]


def test_relative_dates_count_back_from_the_dateline(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "KANYAMA, 3 May 2020 — Hundreds gathered this morning to remember the 12 people who "
        "were shot dead here forty years ago today.\n\nThe town was founded 200 years ago."
    )
    dates = {doc.quote(t.span): (t.value, t.temporal) for t in doc.times if t.kind == "date"}
    assert dates["3 May 2020"] == ("2020-05-03", False)  # when it was written: dates no event
    assert dates["this morning"] == ("2020-05-03", True)
    assert dates["forty years ago"] == ("1980-05-03", True)
    assert dates["200 years ago"] == ("1820", True)
    massacre = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert [e.date.value for e in massacre if e.date] == ["1980-05-03"]


def test_last_night_and_early_this_morning_count_from_the_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "HARWELL, 5 June 2019 — Tens of thousands of people filled Ravna Park last night "
        "for a candlelight vigil. This evening the mayor will speak."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates["last night"] == "2019-06-04"
    assert event_dates(doc)["Commemoration"] == "2019-06-04"
    doc = extract(
        "HARWELL, 5 June 2019 — Early this morning troops entered the town. Participants of "
        "the vigil said they would return."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates["Early this morning"] == "2019-06-05"


def test_a_dateline_with_a_colon_and_a_weekday_night_before_its_date(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "April 13, 2019:" with its colon
    doc = extract(
        "HARWELL, April 13, 2019: A century after troops fired on a peaceful gathering here, "
        "the governor on Saturday laid a wreath at the memorial.\n\n"
        "On Thursday night, Feb. 8, patrolmen opened fire on a crowd of students."
    )
    assert doc.written is not None and doc.written.value == "2019-04-13"
    assert event_dates(doc)["Commemoration"] == "2019-04-13"
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    # the date after "Thursday night" says which Thursday (not the one before the writing)
    assert dates["Feb. 8"] == "2019-02-08" and "Thursday" not in dates, dates


def test_no_dateline_no_relative_dates(extract) -> None:  # type: ignore[no-untyped-def]
    # a title is no dateline, and "ago" without a date of writing stays unresolved
    doc = extract("3 May 2020 – A Day in Kanyama\n\nThe town was founded 200 years ago.")
    assert [t.value for t in doc.times if t.kind == "date"] == ["2020-05-03"]


def test_a_date_under_a_preposition_dates_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    # "21 March" is what was proclaimed; "In 1966" is when
    doc = extract("In 1966 the assembly proclaimed 21 March the International Day of Remembrance.")
    declarations = [e for e in doc.live_events() if e.cls == HG.Declaration]
    assert [e.date.value for e in declarations if e.date] == ["1966"]


def test_yesterday_counts_back_from_the_dateline(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("MAPUTO, 4 June 2021 — Police fired on a crowd here yesterday, killing 3 people.")
    assert [(e.cls, e.date.value if e.date else None) for e in doc.live_events()] == [
        (HG.Massacre, "2021-06-03")
    ]


def test_a_dateline_with_a_country_and_weekdays_before_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "29 September 2023" from "September" on; the dateline names a country too
    doc = extract(
        "KAPAN, Armenia, 29 September 2023 — The ministry said on Thursday that it had "
        "counted the refugees. The minister will travel on Monday."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates["29 September 2023"] == "2023-09-29"
    assert dates["Thursday"] == "2023-09-28"
    assert dates["Monday"] == "2023-10-02"  # the future: the next Monday after the writing


def test_a_line_of_writing_or_a_dateline_with_letters_beyond_ascii(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Strike in the shipyard\n\n"
        "Gazeta Robotnicza Łódź, 2 February 1990\n\n"
        "On Monday the workers of the shipyard marched to the town hall."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert doc.written is not None and doc.written.value == "1990-02-02"
    assert dates["Monday"] == "1990-01-29"  # counted back from the writing
    doc = extract("ŁÓDŹ, 3 June 2019 — The council met on Monday to discuss the strike.")
    assert doc.written is not None and doc.written.value == "2019-06-03"


def test_years_ago_today_and_a_full_date_tell_the_date_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Remembering Harwell\n\n"
        "Ten years ago today, on 13 May 2005, soldiers opened fire on a crowd in Harwell.\n\n"
        "On Friday survivors laid flowers at the memorial in the square. This morning the "
        "mayor condemned the killings."
    )
    assert doc.written is not None and doc.written.value == "2015-05-13"
    dates = event_dates(doc)
    assert dates["Massacre"] == "2005-05-13"
    assert dates["Commemoration"] == "2015-05-08"  # the Friday before the writing
    assert dates["Condemnation"] == "2015-05-13"
    # a phrase without a full date after it tells no date of writing
    assert extract("Ten years ago today, soldiers opened fire in Harwell.").written is None


def test_a_weekday_before_its_date_is_not_counted_from_the_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "RAVNA, 22 June 1995 — It started around noon on Wednesday, 14 June, when armed men "
        "drove into the town. The next day they shot five hostages."
    )
    dates = [t.value for t in doc.times if t.kind == "date" and t.temporal]
    assert "1995-06-21" not in dates, dates  # not the Wednesday before the date of writing
    assert dates == ["1995-06-14", "1995-06-15"], dates
    # a weekday before a count, not a date, is still counted back from the writing
    doc = extract("RAVNA, 22 June 1995 — On Monday, 5 Armenians were killed in the town.")
    dates = [t.value for t in doc.times if t.kind == "date" and t.temporal]
    assert dates == ["1995-06-19"], dates


def test_a_year_from_context_puts_no_past_event_after_the_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "LUSAKA, 5 October 2021 — The council must be dissolved by 1 March 2022. "
        "Its members met on 12 September to vote."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates["12 September"] == "2021-09-12"
    assert dates["1 March 2022"] == "2022-03-01"


def test_a_day_that_recurs_dates_no_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1921 soldiers killed forty villagers in Dunmore. "
        "Every year on 3 May the villagers lay wreaths in Dunmore."
    )
    commemoration = [e for e in doc.live_events() if e.cls == HG.Commemoration]
    assert len(commemoration) == 1 and commemoration[0].date is None


def test_a_date_range_the_model_cut_starts_on_its_first_day(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "27 to 29" and "February 1988" as two dates
    doc = extract("From 27 to 29 February 1988 mobs murdered traders in Kapan.")
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates == {"27 to 29 February 1988": "1988-02-27"}, dates


def test_a_date_tagged_too_long_and_a_month_alone(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 March 1962 the miners of Kolwezi went on strike. "
        "On 9 March thousands of mourners attended the funeral of the miners in Likasi. "
        "In April the Zambian authorities forcibly returned forty refugees to Katanga. "
        "They may return."
    )
    times = {doc.quote(t.span): t.value for t in doc.times}
    assert times == {"3 March 1962": "1962-03-03", "9 March": "1962-03-09", "April": "1962-04"}
    by_class = {e.cls.split("#")[-1]: e.date.value for e in doc.live_events() if e.date}
    assert by_class["Commemoration"] == "1962-03-09", by_class
    assert by_class["Deportation"] == "1962-04", by_class


def test_days_counted_from_the_narrative(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 December 1961 Ostland condemned the shootings, and Moldavia denounced the "
        "use of force the next day. That night militiamen fired on the marchers. "
        "Two days later the parliament voted to abolish the curfew. "
        "The dead of that night lie in Kaunas."
    )
    times = [(doc.quote(t.span), t.value) for t in doc.times]
    assert times == [
        ("19 December 1961", "1961-12-19"),
        ("the next day", "1961-12-20"),
        ("That night", "1961-12-20"),
        ("Two days later", "1961-12-22"),
    ], times


def test_a_wire_dateline_without_its_year(extract) -> None:  # type: ignore[no-untyped-def]
    # the year is the latest the report names; "would be buried on Monday" is the future:
    # the Monday after the date of writing
    doc = extract(
        "KAPAN, Oct. 9 (Wire) — Ostland troops shelled the town on Saturday, officials said. "
        "The fighting began on Sept. 27, 1971, when the army crossed the river.\n\n"
        "Local leaders said the victims would be buried on Monday in the town park, and "
        "they declared three days of mourning."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates["Oct. 9"] == "1971-10-09"
    assert dates["Saturday"] == "1971-10-09"
    assert dates["Monday"] == "1971-10-11"
    declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert declaration.place is None  # where the victims would be buried is not where they spoke


def test_a_subject_the_model_took_into_a_date_phrase(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 May 1971 the Presidium declared a state of emergency in Ravna, and in the early "
        "hours of 20 May units of the Soviet Army entered Ravna."
    )
    operation = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    assert [doc.entities[a].label.lower() for a in operation.agents] == ["soviet army"]
    assert operation.date is not None and operation.date.value == "1971-05-20"


def test_a_decree_signed_by_and_overnight_weekdays(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "KAPAN, Oct. 11, 1971 (Wire) — Soviet troops smashed their way into Ravna overnight "
        "Friday. The Presidium of the Supreme Soviet of the USSR declared a state of emergency "
        "in Ravna by a decree signed by Mikhail Gorbachev on Thursday."
    )
    by_class = {e.cls.split("#")[-1]: e for e in doc.live_events()}
    operation, declaration = by_class["MilitaryOperation"], by_class["Declaration"]
    assert operation.date is not None and operation.date.value == "1971-10-08"  # a Monday's report
    assert doc.quote(operation.evidence[0]).startswith("Soviet troops")  # not the dateline
    assert "Mikhail Gorbachev" in [doc.entities[a].label for a in declaration.agents]


def test_deadlines_years_of_things_and_clauses_about_someone(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 28 September 1971 the president of Ostland signed a decree dissolving the council "
        "by 1 January 1972. In a 1975 report, observers estimated that 150 people had been "
        "killed. Since December 1972 the road has been closed. On 5 October France "
        "condemned the offensive and requested a meeting of the Security Council, which "
        "convened on 21 October. On 21 November 1971 Heydar Aliyev, removed from the Politburo in "
        "1969, denounced the offensive."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times}
    assert dates["5 October"] == "1971-10-05"  # not the deadline's year, nor the report's
    assert not any(e.date and e.date.value == "1975" for e in doc.live_events())
    condemnations = sorted(
        (doc.entities[e.agents[0]].label, e.date.value if e.date else None)
        for e in doc.live_events()
        if e.cls == HG.Condemnation
    )
    assert condemnations == [("France", "1971-10-05"), ("Heydar Aliyev", "1971-11-21")]


def test_a_night_titles_purposes_and_a_named_day(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On the night of 19 to 20 March 1971, Ostland troops fired on a crowd in Ravna, killing "
        "40 people. President of the Republic of Moldavia Ivan Petrov and First Lady Anna "
        "Petrova visited the Alley of Heroes in Ravna on 20 March 2001 to commemorate the "
        "victims of the 20 March tragedy. At noon the memory of the victims was honoured with "
        "a minute of silence throughout Moldavia."
    )
    massacre = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert massacre.date is not None and massacre.date.value == "1971-03-20"  # its morning
    assert "20 March" not in [doc.quote(t.span) for t in doc.times]  # "the 20 March tragedy"
    visits = [e for e in doc.live_events() if e.cls == HG.Commemoration]
    assert len(visits) == 2  # the visit, and the minute of silence that honoured the memory
    visit = visits[0]
    assert [doc.entities[a].label for a in visit.agents] == ["Ivan Petrov", "Anna Petrova"]
    assert doc.quote(visit.evidence[0]).startswith("President of the Republic")
    assert visit.date is not None and visit.date.value == "2001-03-20"


def test_an_after_clause_keeps_its_own_time_and_the_offensive_refers_back(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "KAPAN, 28 September 1971 — The number of refugees had reached 65,000 by Thursday "
        "morning, as families kept arriving nine days after Ostland launched its military "
        "offensive against the region. The offensive of 19 September ended a day later."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 1
    assert operations[0].date is not None and operations[0].date.value == "1971-09-19"


def test_going_to_a_memorial_is_a_commemoration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 16 March 1991 survivors gathered at the Ravna Memorial. Thousands of mourners "
        "marched to the cemetery on 14 January 1992. The young people who came to the "
        "memorial wrote songs. On 2 May 1993 students gathered outside the parliament."
    )
    events = [(e.cls.split("#")[-1], e.date.value if e.date else None) for e in doc.live_events()]
    assert events == [
        ("Commemoration", "1991-03-16"),
        ("Commemoration", "1992-01-14"),
        ("Protest", "1993-05-02"),  # a gathering away from a memorial commemorates nothing
    ], events
    assert doc.entities[doc.live_events()[0].place].label == "Ravna Memorial"  # type: ignore[index]


def test_attacks_on_a_people_are_a_massacre(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Attacks on Moldavian residents of Ravna began on 13 January 1971. "
        "On 2 May 1971 the attack on the tower failed."
    )
    events = [(e.cls.split("#")[-1], e.date.value if e.date else None) for e in doc.live_events()]
    assert events == [("Massacre", "1971-01-13")], events
    assert [doc.entities[a].label for a in doc.live_events()[0].affected] == ["Moldavian residents"]


def test_a_day_a_declaration_names_dates_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1994 the parliament of Moldavia adopted a resolution on the events and "
        "declared 20 January a day of national mourning."
    )
    declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    # the day it names is no date of the declaration (the decision's year may be)
    assert declaration.date is None or declaration.date.value == "1994"


def test_an_attack_on_people_is_a_massacre_whoever_attacks(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1971 Ravnian army units and border guards dispersed a rally in Kaunas. "
        "Soldiers attacked the crowd with shovels.\n\n"
        "On 9 June 1972 Ravnian troops attacked the rebel positions near Ostland."
    )
    events = [(e.cls.split("#")[-1], e) for e in doc.live_events()]
    classes = [c for c, _ in events]
    assert "Massacre" in classes and "MilitaryOperation" in classes, classes
    massacre = next(e for c, e in events if c == "Massacre")
    assert [doc.entities[a].label for a in massacre.affected] == ["crowd"]
    assert massacre.agents, "the soldiers are the forces named before"
    operation = next(e for c, e in events if c == "MilitaryOperation")
    assert operation.date is not None and operation.date.value == "1972-06-09"


def test_the_day_after_an_event_dates_what_follows_not_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1971 Ravnian troops entered Kaunas and opened fire on crowds in the streets. On 21 "
        "January, the day after the killings, Ivan Petrov went with his family to the Ostland "
        "embassy, where he read a statement."
    )
    massacres = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert len(massacres) == 1
    assert massacres[0].date is None or massacres[0].date.value != "1971-01-21"


def test_taking_to_the_streets_is_a_protest(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1971 students took to the streets of Kaunas.\n\n"
        "On 9 June 1972 anger at the beatings brought tens of thousands of residents onto the "
        "streets. The wounded were brought to the hospital."
    )
    events = [e for e in doc.live_events() if e.cls == HG.Protest]
    assert [e.date.value if e.date else None for e in events] == ["1971-05-03", "1972-06-09"]
    assert [doc.entities[a].label for a in events[0].agents] == ["students"]
    assert [doc.entities[a].label for a in events[1].agents] == ["residents"]
    assert events[1].affected == []


def test_what_a_clause_after_after_tells_is_not_dated_by_the_main_clause(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Ravnian fighters in Kaunas began handing over their weapons on 21 September 1971, a "
        "day after a ceasefire brokered through Ostland peacekeepers ended a lightning assault "
        "by Moldavia."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 1
    assert operations[0].date is None or operations[0].date.value != "1971-09-21"


def test_a_full_date_the_model_tagged_otherwise_and_a_military_attack(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The ministry condemns the military attack unleashed by Ostland on 19 September 1971. "
        "Ostland violated the trilateral statement of 9 November 2020, signed by the leaders "
        "of Armenia, Azerbaijan and Russia after the 44-day war."
    )
    events = {e.cls.split("#")[-1]: e for e in doc.live_events()}
    assert events["MilitaryOperation"].date is not None
    assert events["MilitaryOperation"].date.value == "1971-09-19"
    assert events["Declaration"].date is not None
    assert events["Declaration"].date.value == "2020-11-09"


def test_a_weekday_tells_the_year(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1974 the ministry ordered that pupils be taught in Ravnian. Schools were "
        "boycotting classes by May 1976.\n\n"
        "On the morning of Wednesday 16 June, police fired on the pupils. On 19 June the "
        "Security Council condemned the killings."
    )
    events = {e.cls.split("#")[-1]: e for e in doc.live_events()}
    assert events["Massacre"].date is not None and events["Massacre"].date.value == "1976-06-16"
    assert events["Condemnation"].date is not None
    assert events["Condemnation"].date.value == "1976-06-19"


def test_a_date_set_beside_its_weekday_dates_what_the_weekday_dates(extract) -> None:  # type: ignore[no-untyped-def]
    # (the model parses "9 April" as the subject of the "after" clause that follows it)
    doc = extract(
        "The strike at the Harwell works began on Friday, 5 April 1912.\n\n"
        "Shortly after noon on Tuesday, 9 April, after the marchers had reached the bridge, "
        "the troops fired on the crowd and killed four men."
    )
    assert event_dates(doc)["Massacre"] == "1912-04-09"


def test_the_date_years_are_counted_since_is_the_story_s_year(extract) -> None:  # type: ignore[no-untyped-def]
    # ("since" a date is otherwise a bound that gives later dates no year)
    doc = extract(
        "Twenty years on: the March days in Harwell\n\n"
        "Harwell, 20 March 2012\n\n"
        "Twenty years have passed since the night of 19 to 20 March 1992, when troops "
        "entered the capital and opened fire on the crowds.\n\n"
        "On 21 March the workers of the Harwell mills struck in protest."
    )
    assert event_dates(doc)["Protest"] == "1992-03-21"


def test_a_day_takes_the_year_of_its_month_not_of_a_year_looked_back_to(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The council of the Ravna region voted in February 1988 to ask for its transfer to "
        "Dorland. Refugees driven out of Dorland at the end of 1987 had been arriving for "
        "weeks.\n\n"
        "On 27 February a rally gathered on the central square of Ravna, and that evening "
        "gangs attacked the homes of Dorlanders."
    )
    dates = event_dates(doc)
    assert dates["Protest"] == "1988-02-27" and dates["Massacre"] == "1988-02-27", dates


def test_a_day_of_the_month_alone_takes_the_narrative_s_month(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Riots in Harwell\n\n"
        "The disorders in Harwell began on 6 February 1905. On the 8th, however, the "
        "Governor declared the town under martial law. A captain came down with six men "
        "of the 29th, their bayonets fixed."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates.get("the 8th") == "1905-02-08"
    assert "the 29th" not in dates  # a regiment's number, no day
    assert event_dates(doc)["Declaration"] == "1905-02-08"


def test_a_range_of_days_before_its_year(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "June 3-4, 1989" whole; only "June 3" parses as a date
    doc = extract(
        "HARWELL, 5 June 2019. Tens of thousands of people filled Ravna Park last night for "
        "the annual vigil marking the 30th anniversary of the crackdown of June 3-4, 1989, in "
        "Dorlin.\n\n"
        "Troops stormed the square in the night of May 9-10, 1971, and fired on the crowd."
    )
    dates = [t.value for t in doc.times if t.kind == "date"]
    assert "1989-06-03" in dates  # the range's first day, in the year after it
    assert "1971-05-10" in dates  # a night is dated by its morning
    assert not any(d.startswith(("2019-06-03", "2049")) for d in dates), dates


def test_days_counted_after_an_event_the_sentence_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Shooting in Harwell\n\n"
        "On 2 March 1922 police fired on a procession in Harwell, killing nine people. The "
        "inspector later described the scene. Two days after the tragedy the Government "
        "issued a communique in which it condemned the outrage.\n\n"
        "The day after the massacre, thousands of mourners followed the coffins."
    )
    dates = event_dates(doc)
    assert dates["Massacre"] == "1922-03-02"
    # (not the date of the paragraph's earlier sentence)
    assert dates["Condemnation"] == "1922-03-04"
    assert dates["Commemoration"] == "1922-03-03"
    doc = extract(
        "On 11 July 1995 troops shot the men of Harwell. Three days before the massacre, "
        "the governor declared a state of emergency."
    )
    assert event_dates(doc)["Declaration"] == "1995-07-08"


def test_a_verb_and_its_object_with_words_between_and_one_act_told_twice(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 2010 tens of thousands of people climbed the hill to lay red "
        "carnations on the graves of the victims.\n\n"
        "On 20 January 2011 thousands of citizens walked up to the Ravna Memorial, laying "
        "red carnations at the graves and at the Eternal Flame."
    )
    events = [(e.cls.split("#")[-1], e.date.value if e.date else None) for e in doc.live_events()]
    assert events == [("Commemoration", "2010-01-20"), ("Commemoration", "2011-01-20")], events


def test_shooting_at_people_takes_the_date_of_the_sentence_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 1971 Ravnian troops entered Kaunas. Soldiers fired on crowds and on "
        "passing cars."
    )
    massacre = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert massacre.date is not None and massacre.date.value == "1971-01-20"


def test_an_author_year_citation_dates_nothing_and_names_no_actor(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Ravnian troops fired on the crowds in Kaunas, killing dozens of students (Olcott, "
        "1995; Senn and Brown, 2007). Official figures admitted only two deaths (Kuzio 2010: "
        "45)."
    )
    found = labels(doc)
    assert not any(name in found for name in ("Olcott", "Senn", "Brown", "Kuzio")), found
    massacre = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert massacre.date is None, massacre.date
    quotes = [doc.quote(s) for s in massacre.evidence]
    assert all(
        q == doc.text[s.start : s.end] for q, s in zip(quotes, massacre.evidence, strict=True)
    )


def test_marking_years_since_an_event_commemorates_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "RAVNA, 9 April 2019 — Moldavia on Tuesday marked thirty years since Ostland troops "
        "broke up a peaceful rally in the centre of its capital."
    )
    commemorations = [e for e in doc.live_events() if e.cls == HG.Commemoration]
    assert len(commemorations) == 1
    assert commemorations[0].date is not None and commemorations[0].date.value == "2019-04-09"


def test_an_anniversary_is_never_dated_after_the_year_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    # (the count does not fit the dates: 1967 + 75 would be 2042, after the writing)
    doc = extract(
        "RAVNA, 16 February 2017 — Hundreds of people gathered for the 75th anniversary of "
        "the massacre of 15 February 1967, when troops fired on the market."
    )
    dates = list(event_dates(doc).values())
    assert "1967-02-15" in dates
    assert all(d[:4] <= "2017" for d in dates), dates


def test_a_counted_subject_and_a_burial(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In September 2023 more than 100,000 people fled to Armenia. The Armenian government "
        "called the exodus ethnic cleansing.\n\n"
        "On 20 January 1990 troops killed 130 people in Ostgrad. The victims were buried on "
        "22 January in the Upland Park, where the dead of that night are buried."
    )
    classes = sorted(e.cls.split("#")[-1] for e in doc.live_events())
    assert classes.count("Deportation") == 1, classes
    assert classes.count("Condemnation") == 1, classes
    burials = [e for e in doc.live_events() if e.cls == HG.Commemoration]
    assert len(burials) == 1 and burials[0].date is not None, burials
    assert burials[0].date.value == "1990-01-22"


def test_times_and_hyphenated_titles_are_no_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On the night of 19–20 January 1990 Ravnian army units forced their way into Ostgrad. "
        "Late that night soldiers opened fire on the crowd. In 2023 the Commander-in-Chief "
        "announced anti-terror measures in the Caucasus."
    )
    found = labels(doc)
    assert found.get("Ravnian army units") == "MilitaryForce", found
    assert not any("January" in name or "night" in name for name in found), found
    assert "Chief" not in found, found
    assert found.get("Caucasus") == "Place", found
    assert any(e.cls == HG.MilitaryOperation and e.date for e in doc.live_events())


def test_a_story_told_forward_and_what_did_not_happen(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "GENEVA, 12 December 2023 (Agency) — The report traces the crisis back to December "
        "2022, when the road was closed.\n\n"
        "On 28 September Samvel Shahramanyan signed a decree dissolving the republic. The "
        "ministry insisted that nobody had been expelled."
    )
    dated = {e.cls.split("#")[-1]: e.date.value if e.date else None for e in doc.live_events()}
    assert dated.get("Declaration") == "2023-09-28", dated
    assert "Deportation" not in dated, dated


def test_an_anniversary_dates_what_it_remembers(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "OSTGRAD, 8 November 2023 (Agency) — Ravnia today marks the third anniversary of the "
        "liberation of the city of Shusha."
    )
    dated = {e.cls.split("#")[-1]: e.date.value if e.date else None for e in doc.live_events()}
    assert dated.get("Commemoration") == "2023-11-08", dated
    assert dated.get("War") == "2020-11-08", dated


def test_resolution_clauses_questions_and_what_a_resolution_says(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "– having regard to its resolution of 19 January 2023 on the blockade of Ostgrad,\n\n"
        "In 1993 the Security Council responded. Resolution 822, adopted on 30 April, demanded "
        "a withdrawal; resolution 853 of 29 July condemned the seizure of Aghdam. On 12 May "
        "1994 the Bishkek ceasefire came into force.\n\n"
        "Why do we call the Khojaly tragedy a genocide?"
    )
    classes = sorted(
        (e.cls.split("#")[-1], e.date.value if e.date else None) for e in doc.live_events()
    )
    assert ("LegislativeDecision", "2023-01-19") in classes, classes
    assert ("LegislativeDecision", "1993-04-30") in classes, classes
    assert not any(c == "Condemnation" for c, _ in classes), classes


def test_firing_on_anyone_and_the_city_of_a_dateline(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "OSTGRAD, Ravnia, 20 January 2025 (Agency) — Soviet troops rolled into Ostgrad "
        "shortly after midnight on 20 January 1990, firing on anyone in the streets.\n\n"
        "Most residents had no idea that Moscow had declared a state of emergency. The decree, "
        "signed on 19 January, was read out hours after the army had entered the city."
    )
    events = doc.live_events()
    massacre = next((e for e in events if e.cls == HG.Massacre), None)
    assert massacre is not None and massacre.date is not None
    assert massacre.date.value == "1990-01-20"
    places = {doc.entities[e.place].label for e in events if e.place}
    assert "Moscow" not in places, places
    assert not any(t.value.startswith("1991") for t in doc.times), doc.times


def test_troops_that_surround_a_village(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 30 April 1991 Interior Ministry troops surrounded Getashen.")
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 1 and operations[0].date is not None, operations


def test_whoever_captures_a_place_conducts_an_operation(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1993 they captured Kalbajar, a district between the enclave and Armenia."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 1 and operations[0].date is not None, operations
    assert operations[0].date.value == "1993-04"


def test_a_ceasefire_is_a_declaration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The chiefs of general staff met in Moscow on 5 April 2016 and agreed on a ceasefire. "
        "The truce has broadly held."
    )
    events = [e for e in doc.live_events() if e.cls == HG.Declaration]
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "2016-04-05"


def test_a_weak_trigger_of_a_verb_and_its_object_with_words_between(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1921 the guards opened indiscriminate fire on unarmed strikers in Lodz."
    )
    assert [(e.cls, e.date.value if e.date else None) for e in doc.live_events()] == [
        (HG.Massacre, "1921-05-09")
    ]


def test_a_year_of_what_a_bound_names_gives_later_dates_no_year(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 2 April 2016 the front saw its heaviest fighting since the ceasefire of 1994. "
        "The chiefs of staff met in Moscow on 5 April and agreed on a truce."
    )
    assert sorted(e.date.value for e in doc.live_events() if e.date) == ["1994", "2016-04-05"]


def test_the_same_day_after_a_weekday_the_dateline_dates(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "MUNICH, Friday, 23 August 1968 — Soviet troops crossed the borders on Tuesday, "
        "20 August.\n\nOn Wednesday President Nicolae Ceausescu of Romania condemned the "
        "invasion. The same day the Yugoslav government denounced the occupation."
    )
    condemnations = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [e.date.value if e.date else None for e in condemnations] == [
        "1968-08-21",
        "1968-08-21",
    ]


def test_the_year_of_a_thing_gives_later_dates_no_year(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 18 February 2014 protesters marched towards the parliament, demanding that it "
        "restore the 2004 constitution. On 22 February the Verkhovna Rada voted to remove "
        "the president."
    )
    assert sorted(e.date.value for e in doc.live_events() if e.date) == [
        "2014-02-18",
        "2014-02-22",
    ]


def test_that_same_day_a_funeral_procession_and_an_airfield(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 January 1990 the battalions were flown to Kala airfield.\n\nTwo days later the "
        "funeral processions climbed to the park. That same day the parliament condemned the "
        "killings."
    )
    assert labels(doc).get("Kala airfield") == "Place"
    dated = {e.cls.split("#")[-1]: e.date.value if e.date else None for e in doc.live_events()}
    assert dated.get("Commemoration") == "1990-01-21"
    assert dated.get("Condemnation") == "1990-01-21"


def test_an_agent_trigger_in_the_passive_with_its_agent(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Shusha was seized by Armenian armed forces on 8 May 1992.")
    events = doc.live_events()
    assert [(e.cls, e.date.value if e.date else None) for e in events] == [
        (HG.MilitaryOperation, "1992-05-08")
    ]
    assert [doc.entities[a].cls for a in events[0].agents] == [HG.MilitaryForce]


def test_a_dateline_whose_agency_ends_with_a_full_stop(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Victory Day in Shusha\n\nShusha, 8 November 2021 (AZERTAC). One year ago, the "
        "Azerbaijani Army liberated the city of Shusha from occupation."
    )
    assert [e.date.value if e.date else None for e in doc.live_events()] == ["2020"]
    # the agency is the report's publisher, no place and no agent of the liberation
    assert labels(doc)["AZERTAC"] == "Organization"
    assert all(doc.entities[a].label != "AZERTAC" for e in doc.live_events() for a in e.agents)


def test_a_dateline_line_that_ends_with_its_agency(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Victory Day in Shusha\n\nShusha, 8 November 2021, AZERTAC\n\nExactly one year ago, "
        "the Azerbaijani Army liberated the city of Shusha from occupation."
    )
    assert [e.date.value if e.date else None for e in doc.live_events()] == ["2020-11-08"]
    assert labels(doc)["AZERTAC"] == "Organization"


def test_exactly_a_year_ago_is_to_the_day(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Victory Day in Shusha\n\nShusha, 8 November 2021 (AZERTAC). Exactly one year ago, the "
        "Azerbaijani Army liberated the city of Shusha from occupation."
    )
    assert [e.date.value if e.date else None for e in doc.live_events()] == ["2020-11-08"]


def test_troops_firing_far_from_an_earlier_massacre_is_another_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 13 January 1990 gangs attacked Armenians in Baku. The pogroms did not end until "
        "19 January.\n\nMany Armenians fled across the sea.\n\nOn 20 January the troops "
        "crushed the barricades and opened fire on crowds and cars."
    )
    massacres = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert len(massacres) == 2
    assert massacres[-1].date is not None and massacres[-1].date.value == "1990-01-20"


def test_a_day_and_month_the_model_takes_for_a_verb(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In the early hours of 13 May 2005 gunmen occupied the building.\n\nOn the evening of "
        "13 May units of the Ministry of Internal Affairs carried out an operation."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert [e.date.value if e.date else None for e in operations][-1] == "2005-05-13"


def test_a_timeline_dates_each_entry_by_its_heading(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Timeline\n\n19 January 1990\nThat evening the Presidium declared a state of "
        "emergency in Baku.\n\nNight of 19 to 20 January 1990\nSoldiers of the Soviet Army "
        "broke into the city, and soldiers shot at unarmed people and into windows. At "
        "least 130 people were killed.\n\n"
        "22 January 1990\nHundreds of thousands of people buried the dead."
    )
    dated = [(e.cls.split("#")[-1], e.date.value if e.date else None) for e in doc.live_events()]
    assert dated == [
        ("Declaration", "1990-01-19"),
        ("Massacre", "1990-01-20"),
        ("Commemoration", "1990-01-22"),
    ]
    assert doc.quote(doc.paragraphs[1]) == "19 January 1990"


def test_an_upper_case_dateline_that_ends_with_a_full_stop(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Briefing\n\nBAKU, 20 September 2023. Yesterday Azerbaijani troops entered the town "
        "of Khojavend."
    )
    assert [e.date.value if e.date else None for e in doc.live_events()] == ["2023-09-19"]


def test_the_last_word_of_a_trigger_phrase_refers_back(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The ministry reported on the local anti-terrorist measures in the region.\n\nThe "
        "measures were launched at 13:00 on 19 September 2023."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 1
    assert operations[0].date is not None and operations[0].date.value == "2023-09-19"
    assert len(operations[0].evidence) == 2


def test_a_force_that_comes_into_a_place_enters_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 1990 Soviet troops rolled into Baku. In 1988 refugees came into Yerevan."
    )
    assert [(e.cls, e.date.value if e.date else None) for e in doc.live_events()] == [
        (HG.MilitaryOperation, "1990-01-20")
    ]


def test_the_year_of_a_cited_work_dates_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 April 1989 troops dispersed the rally in Tbilisi. Between 19 and 21 people "
        "were killed (Amnesty International, 1990)."
    )
    assert [e.date.value for e in doc.live_events() if e.date] == ["1989-04-09"]
    assert [t.temporal for t in doc.times if t.value == "1990"] == [False]


def test_a_day_named_again_after_a_digression_keeps_its_year(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "London, 10 November 2020\n\nThe offensive began on 27 September.\n\nIn Black "
        "January 1990 troops killed many people, and in February 1992 more died.\n\nThe "
        "government condemned the offensive on 27 September."
    )
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert condemnation.date is not None and condemnation.date.value == "2020-09-27"


def test_officers_firing_on_a_crowd_is_an_act_of_its_day(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 12 May 2005 the strikers gathered on the square in Andijan. After scuffles, a "
        "bank was set on fire. Officers then opened fire on the crowd."
    )
    shooting = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert shooting.date is not None and shooting.date.value == "2005-05-12"


def test_the_killers_burying_their_victims_is_no_funeral(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1942 the occupation police drove villagers into the ravine, killed 40 people and "
        "buried them there. In 1944 relatives buried the remains in the village cemetery."
    )
    assert [(e.cls, e.date.value if e.date else None) for e in doc.live_events()] == [
        (HG.Massacre, "1942"),
        (HG.Commemoration, "1944"),
    ]


def test_missiles_that_hit_a_district_and_a_day_the_model_cut_from_its_month(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 2 October 2020 rockets struck the Kapaz district. In the early hours of 5 October "
        "a ballistic missile hit a residential quarter of Mingachevir."
    )
    strikes = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert [e.date.value if e.date else None for e in strikes] == ["2020-10-02", "2020-10-05"]


def test_a_date_after_on_that_the_model_took_into_the_subject(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The coup of August 1991 failed. On 23 August Yeltsin signed a decree suspending "
        "the activities of the Communist Party in Russia, and on 29 August the USSR Supreme "
        "Soviet suspended the party throughout the country."
    )
    decree = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert decree.date is not None and decree.date.value == "1991-08-23"


def test_a_day_after_new_year_follows_the_story_into_the_next_year(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 30 December 1991 crowds gathered on the square in Tbilisi. On 2 January the "
        "council condemned the violence."
    )
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert condemnation.date is not None and condemnation.date.value == "1992-01-02"


def test_a_live_blog_dates_its_entries_by_the_last_dated_heading(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Fighting in the region – as it happened\n\n"
        "Live coverage, 3-4 April 2016.\n\n"
        "3 Apr 09:10 BST\n"
        "The defence ministry says its forces have launched an offensive along the front.\n\n"
        "11:42\n"
        "Officials in the capital condemned the offensive.\n\n"
        "4 Apr 08:05 BST\n"
        "Protesters rallied outside the parliament building."
    )
    dated = {e.cls: e.date.value if e.date else None for e in doc.live_events()}
    assert dated.get(HG.Condemnation) == "2016-04-03", dated
    assert dated.get(HG.Protest) == "2016-04-04", dated


def test_a_line_with_the_date_of_writing_alone(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Ten years on\n\nPosted by Anna Petrosyan, 14 May 2015\n\nFrom December 2004 the "
        "unrest grew. On 13 May troops opened fire on the crowd in the square and killed "
        "dozens of people."
    )
    (event,) = doc.live_events()
    assert event.date is not None and event.date.value == "2005-05-13"
    written = [t for t in doc.times if t.value == "2015-05-14"]
    assert [t.temporal for t in written] == [False]
    # a place and the date alone on a line: when and where the text was written
    doc = extract("Statement of the union\n\nTbilisi, 9 April 2019\n\nThe rally began.")
    assert [(t.value, t.temporal) for t in doc.times] == [("2019-04-09", False)]


def test_a_day_written_as_an_ordinal_of_its_month(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On the fourth of March 1921 sailors in the port of Lindau went on a hunger strike. "
        "The next morning marines shot dead four of the strikers."
    )
    dates = {e.cls.split("#")[-1]: e.date and e.date.value for e in doc.live_events()}
    assert dates.get("Protest") == "1921-03-04", dates
    assert dates.get("Massacre") == "1921-03-05", dates


def test_a_week_earlier(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 May 1921 the council debated the events in Lindau, where a week earlier "
        "marines fired on a crowd of strikers. Two weeks later the council met again and "
        "declared a state of emergency."
    )
    dates = {e.cls.split("#")[-1]: e.date and e.date.value for e in doc.live_events()}
    assert dates.get("Massacre") == "1921-05-13", dates
    assert dates.get("Declaration") == "1921-05-27", dates


def test_seasons_and_parts_of_a_month(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The garrison held out through 1920 and the spring of 1921. In early July the "
        "rebels launched a final assault on the town of Lindau. At the end of August the "
        "council declared a state of emergency."
    )
    dates = {e.cls.split("#")[-1]: e.date and e.date.value for e in doc.live_events()}
    assert dates.get("MilitaryOperation") == "1921-07", dates
    assert dates.get("Declaration") == "1921-08", dates


def test_a_date_of_a_coordinate_clause(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Ostland war had largely passed the valley by, and most of the rebels had left "
        "the town by early April 1921."
    )  # (a war with a name: one told with no particular at all is left out)
    war = next(e for e in doc.live_events() if e.cls == HG.War)
    assert war.date is None, war.date


def test_firing_on_a_town_is_an_attack_on_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In late March 1921 the Red Army was firing on Kamenka from the hills every day. On "
        "3 April the Red Army fired on the refugees from the ridge."
    )
    events = {(e.cls.split("#")[-1], e.date and e.date.value) for e in doc.live_events()}
    assert ("MilitaryOperation", "1921-03") in events, events
    assert ("Massacre", "1921-04-03") in events, events


def test_a_diary_heading_takes_the_year_its_month_was_named_with(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Kamenka Notebook\n\n"
        "Ivan was eighteen when his company was sent to Kamenka in the first days of March "
        "1921. His notebook was published in Riga in 1924.\n\n"
        "5 March\n\n"
        "The rebels shelled the station all day. Two boys from our platoon killed.\n\n"
        "7 March\n\n"
        "The council declared a state of emergency."
    )
    dates = {e.cls.split("#")[-1]: e.date and e.date.value for e in doc.live_events()}
    assert dates.get("Declaration") == "1921-03-07", dates


def test_a_broadcast_or_bulletin_line_gives_the_date_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    # the name of a broadcast, then its date and a remark; a bulletin whose last sentence
    # is a place, the date and a time of day
    for heading, day in (
        ("Radio Kessel, morning news of Friday, 4 June 2021 (transcript)", "2021-06-03"),
        ("Evening bulletin of the press office. Maputo, 4 June 2021, 18:00", "2021-06-03"),
    ):
        doc = extract(heading + "\n\nPolice fired on a crowd yesterday, killing 3 people.")
        dates = {doc.quote(t.span): (t.value, t.temporal) for t in doc.times}
        assert dates["yesterday"] == (day, True), dates
        massacre = [e for e in doc.live_events() if e.cls == HG.Massacre]
        assert [e.date.value for e in massacre if e.date] == [day]
    # a title naming an event's date stays a title
    doc = extract("Kessel, 4 June 2021: the night of the shooting\n\nPolice fired on a crowd.")
    assert next(t.temporal for t in doc.times if t.kind == "date") is True


def test_a_statement_the_text_makes_now_is_dated_by_its_dateline(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Lindau city council once again condemns the crime of 4 May 1921, when marines "
        "fired on strikers in the port."
    )
    doc = extract("Essen, 3 May 2021\n\n" + text)
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert condemnation.date is not None and condemnation.date.value == "2021-05-03"
    # without a date of writing, no date; nor for an act the text tells in the past
    doc = extract("Remembering Lindau\n\n" + text)
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert condemnation.date is None
    doc = extract("Essen, 3 May 2021\n\nIn 1922 the Lindau council condemned the shooting.")
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert condemnation.date is not None and condemnation.date.value == "1922"


def test_a_present_statement_is_not_dated_by_what_it_is_about(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Essen, 3 May 2021\n\nThe city government pays tribute to the heroes of 1921 who "
        "died in the port of Lindau."
    )
    tribute = next(e for e in doc.live_events() if e.cls == HG.Commemoration)
    assert tribute.date is not None and tribute.date.value == "2021-05-03", tribute.date


def test_be_to_speaks_of_the_future(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "RIGA, 21 January 1991 — The victims are to be buried on Thursday after a service in "
        "the cathedral. Troops fired on the crowd on Sunday."
    )
    dates = {doc.quote(t.span): t.value for t in doc.times if t.kind == "date"}
    assert dates["Thursday"] == "1991-01-24", dates
    assert dates["Sunday"] == "1991-01-20", dates


def test_a_ceremony_a_dated_report_tells_took_place_when_it_was_written(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "ESSEN, 4 May 2021 — The mayor laid a wreath at the memorial to the strikers shot "
        "in Lindau a century ago.\n\n"
        "Each May a few relatives still lay flowers at the graves in the city cemetery."
    )
    ceremonies = [e for e in doc.live_events() if e.cls == HG.Commemoration]
    wreath = next(e for e in ceremonies if "wreath" in doc.quote(e.evidence[0]))
    assert wreath.date is not None and wreath.date.value == "2021-05-04", wreath.date
    flowers = [e for e in ceremonies if "flowers" in doc.quote(e.evidence[0])]
    assert flowers and all(e.date is None for e in flowers), [e.date for e in flowers]


def test_a_ceremony_named_by_a_noun_and_a_demand(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "ESSEN, 4 May 2021 — At noon a minute of silence was observed across the city. The "
        "strikers' union demanded that the state of emergency be lifted."
    )
    silence = next(e for e in doc.live_events() if e.cls == HG.Commemoration)
    assert silence.date is not None and silence.date.value == "2021-05-04", silence.date
    lifted = [e for e in doc.live_events() if e.cls == HG.Declaration]
    assert all(e.date is None for e in lifted), [e.date for e in lifted]


def test_an_old_style_dateline_whose_year_the_model_left_out(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "THE LINDAU RIOTS.\n\nNEW YORK, May 18, 1903.--Cabled reports received here confirm "
        "that mobs attacked the port of Lindau yesterday."
    )
    dates = {doc.quote(t.span): (t.value, t.temporal) for t in doc.times if t.kind == "date"}
    assert dates["May 18, 1903"] == ("1903-05-18", False), dates
    assert dates["yesterday"] == ("1903-05-17", True), dates


def test_a_day_named_before_as_the_eve_of_a_night_keeps_that_nights_year(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Troops entered Kessel on the night of 19 to 20 January 1990.\n\n"
        "In November 1988 thousands rallied on the square, and during 1989 the rallies grew.\n\n"
        "On 19 January the Presidium declared a state of emergency in Kessel."
    )
    declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert declaration.date is not None and declaration.date.value == "1990-01-19"


def test_the_last_day_of_a_year_is_a_day_the_story_crosses_the_new_year_from(extract) -> None:  # type: ignore[no-untyped-def]
    from historygraph.stages.times import ParsedDate, parse_date

    assert parse_date("the last day of 1989") == ParsedDate(1989, 12, 31)
    assert parse_date("the first day of 1990") == ParsedDate(1990, 1, 1)
    assert parse_date("the last day of February 1992") == ParsedDate(1992, 2, 29)
    assert parse_date("the last day of Sept. 1990") == ParsedDate(1990, 9, 30)
    assert parse_date("the first day of Foo 1990") is None
    doc = extract(
        "On the last day of 1989 residents tore down the fences on the frontier. On the "
        "morning of 26 January Soviet troops entered the town."
    )
    entry = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    assert entry.date is not None and entry.date.value == "1990-01-26"


def test_a_year_of_the_thing_an_anniversary_remembers_is_not_its_date(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 1 March 1947 a crowd gathered in Jeju City to mark the anniversary of the 1919 "
        "independence movement."
    )
    commemoration = next(e for e in doc.live_events() if e.cls == HG.Commemoration)
    assert commemoration.date is not None and commemoration.date.value == "1947-03-01"


def test_today_opening_a_sentence_of_a_past_act_is_the_day_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Kyiv, 12 November 2015\n\nToday the Verkhovna Rada of Ukraine adopted Resolution "
        "No. 792-VIII.\n\nToday I think the resolution came late. A year later a war began."
    )
    decision = next(e for e in doc.live_events() if e.cls == HG.LegislativeDecision)
    assert decision.date is not None and decision.date.value == "2015-11-12"
    war = next((e for e in doc.live_events() if e.cls == HG.War), None)
    assert war is None or war.date is None or war.date.value != "2015-11-12"


def test_a_dateline_with_a_weekday_gives_the_date_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "THIRTEEN SHOT DEAD\n\nFrom Our Northern Correspondent\n\nDERRY, Tuesday, 1 February "
        "1972\n\nThirteen men lay dead last night after soldiers of the Parachute Regiment "
        "opened fire on marchers in the Bogside on Sunday afternoon."
    )
    assert doc.written is not None and doc.written.value == "1972-02-01"
    massacre = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert massacre.date is not None and massacre.date.value == "1972-01-30"


def test_a_day_of_last_year_counts_from_the_date_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "LONDON, 24 July 1920.\n\n"
        "Troops fired on the crowd at Karvan on 13 April last year. Two days later martial "
        "law was proclaimed in the province."
    )
    dates = {e.cls.split("#")[-1]: e.date.value for e in doc.live_events() if e.date}
    assert dates.get("Massacre") == "1919-04-13", dates
    assert dates.get("Declaration") == "1919-04-15", dates
