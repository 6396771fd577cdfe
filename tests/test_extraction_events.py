"""The events stage on short texts written for these tests (not the first article):
each test checks one general rule on sentences the rules were not written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from historygraph.namespaces import HG
from tests.extraction_support import (
    event_places,
    extend_ontology,
    extract_with,
    labels,
    mentions_of,
)

pytestmark = pytest.mark.slow


def test_condemnation_responds_to_the_crime(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In August 1968 Soviet troops carried out a massacre in Prague. "
        "The next day the Government of Romania strongly condemned the crime."
    )
    doc = extract(text)
    events = {e.cls: e for e in doc.live_events()}
    condemnation, massacre = events[HG.Condemnation], events[HG.Massacre]
    assert (HG.respondsTo, massacre.id) in condemnation.relations
    assert condemnation.agents and "Romania" in doc.entities[condemnation.agents[0]].label


def test_modifier_and_date_words_are_not_triggers(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The liberation movement grew in March 1990.")
    assert doc.live_events() == []


def test_opened_fire_is_a_killing_of_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 March 1960 a crowd gathered at the police station in Kanyama. In the afternoon "
        "the police opened fire on the crowd. The massacre was condemned abroad."
    )
    massacre = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert len(massacre) == 1
    assert any("the police opened fire" in doc.quote(s) for s in massacre[0].evidence)


def test_a_killing_fired_on_a_group_has_that_group_affected(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 4 May 1970 guardsmen fired on the students in Kent, killing four people.")
    [event] = doc.live_events()
    assert event.cls == HG.Massacre
    assert [doc.entities[a].label for a in event.affected] == ["students"]
    # "the students" were fired on; they did not fire
    assert [doc.entities[a].label for a in event.agents] == ["guardsmen"]
    assert event.place is not None and doc.entities[event.place].label == "Kent"


def test_a_verb_the_model_puts_in_a_name_still_triggers(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "the House of Commons censured Dyer" as one organisation name
    doc = extract("In July 1920 the House of Commons censured Dyer.")
    assert [e.cls for e in doc.live_events()] == [HG.Condemnation]


def test_acts_of_mourning_are_commemorations(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In Kenya, 7 August is observed each year as a day of mourning. "
        "Every year on 7 August survivors lay flowers at the memorial in Nairobi."
    )
    events = doc.live_events()
    assert events and all(e.cls == HG.Commemoration for e in events), events
    quotes = {doc.quote(s) for e in events for s in e.evidence}
    assert "mourning" in quotes and any("lay flowers" in q for q in quotes), quotes


def test_war_words_votes_and_expulsions(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 2 May 1995 the regional council of Tamberg voted to join Ostland. "
        "In June 1995 rebel forces launched an assault on Kossa, shelling the town for a week. "
        "By July some 20,000 villagers had been driven out of the valley."
    )
    classes = sorted(e.cls.split("#")[-1] for e in doc.live_events())
    assert classes == ["Deportation", "LegislativeDecision", "MilitaryOperation"]


def test_an_adjective_is_no_trigger(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In 1992 the self-declared republic held elections in Tiraspol.")
    assert doc.live_events() == []


def test_who_reports_a_killing_did_not_kill(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1996 the Ostland Ministry of Health reported 312 soldiers killed in the fighting."
    )
    [event] = doc.live_events()
    assert event.agents == [], [doc.entities[a].label for a in event.agents]


def test_a_response_is_not_placed_where_the_event_was(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1921 soldiers killed forty villagers in Dunmore. "
        "On 3 May 1921 the bishop condemned the killings."
    )
    [condemnation] = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert condemnation.place is None


def test_he_refers_to_the_person_last_named(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 3 May 1921 Bishop Tomas Kerr arrived in Dunmore. He condemned the killings.")
    [condemnation] = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [doc.entities[a].label for a in condemnation.agents] == ["Tomas Kerr"]
    person = next(e for e in doc.entities.values() if e.label == "Tomas Kerr")
    assert "He" not in person.aliases  # a pronoun is no name


def test_a_conjoined_verb_shares_the_subject(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1921 Bishop Tomas Kerr met the Dunmore Town Council, prayed for the dead "
        "and condemned the killings."
    )
    [condemnation] = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [doc.entities[a].label for a in condemnation.agents] == ["Tomas Kerr"]


def test_a_verb_signals_an_event_by_who_does_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May 1921 a mob attacked the market in Dunmore. "
        "In June 1921 the Ostland Army entered the town. "
        "In July 1921 the Ostland Parliament rejected the demand for an inquiry. "
        "In August 1921 the Ostland Parliament adopted a resolution on the town."
    )
    classes = [e.cls.split("#")[-1] for e in doc.live_events()]
    assert classes == [
        "Massacre",
        "MilitaryOperation",
        "LegislativeDecision",
        "LegislativeDecision",
    ]
    # a person who "attacks" in words is no massacre
    doc = extract("In May 1921 Bishop Tomas Kerr attacked the new tax in a sermon.")
    assert doc.live_events() == []


def test_a_trigger_phrase_that_goes_past_a_time_still_triggers(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "a minute" as a time
    doc = extract("On 3 May 1961 the town observed a minute of silence for the dead.")
    assert [e.cls for e in doc.live_events()] == [HG.Commemoration]


def test_funerals_recaptures_and_forced_returns(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 March 1962 Congolese troops retook the mining town of Kolwezi. "
        "On 9 March thousands of mourners attended the funeral of the miners in Likasi. "
        "In April the Zambian authorities forcibly returned forty refugees to Katanga."
    )
    classes = sorted(e.cls.split("#")[-1] for e in doc.live_events())
    assert classes == ["Commemoration", "Deportation", "MilitaryOperation"], classes


def test_the_body_whose_people_act_and_an_aside_on_where_someone_was(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 14 January 1991 the European Community's foreign ministers denounced the killings. "
        "That day the deputies voted to empower Jonas Petraitis, then in Poland, to form a "
        "government in exile."
    )
    [condemnation] = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [doc.entities[a].label for a in condemnation.agents] == ["European Community"]
    assert event_places(doc).get("LegislativeDecision") is None, event_places(doc)


def test_a_legislature_that_passes_or_creates_and_troops_that_fight(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 2004 the National Assembly passed a law on pensions. In May 2005 the Ostland "
        "parliament created its own commission. In June the Ostland troops fought "
        "rebels in the hills. In 2006 Jonas Petraitis created a charity."
    )
    classes = sorted(e.cls.split("#")[-1] for e in doc.live_events())
    assert classes == ["LegislativeDecision", "LegislativeDecision", "MilitaryOperation"], classes


def test_a_subject_the_chunker_missed_and_a_weak_trigger_with_a_force_subject(extract) -> None:  # type: ignore[no-untyped-def]
    # the model's chunker gives no phrase "Azerbaijani troops" here, and tags "Azerbaijani"
    # as a person; "captured" is a weak trigger unless a force captures
    doc = extract(
        "On 8 November Azerbaijani troops captured Ravna, the hilltop town locals call Ravno."
    )
    assert labels(doc).get("Azerbaijani troops") == "MilitaryForce", labels(doc)
    [event] = doc.live_events()
    assert event.cls == HG.MilitaryOperation and not event.provisional


def test_two_clauses_joined_by_a_semicolon_are_two_pieces_of_evidence(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1962 Moldavia condemned the offensive and sought an emergency meeting of the "
        "Security Council; the European Union condemned the military escalation."
    )
    quotes = sorted(doc.quote(s) for e in doc.live_events() for s in e.evidence)
    assert "the European Union condemned the military escalation" in quotes, quotes


def test_who_acts_in_protest_protests(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In July 1991 Jonas Petraitis announced his resignation from the party in protest."
    )
    [event] = doc.live_events()
    assert event.cls == HG.Protest
    assert [doc.entities[a].label for a in event.agents] == ["Jonas Petraitis"]


def test_from_a_place_is_where_an_act_happened_not_where_a_statement_was_made(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1961 the Ostland parliament declared independence from Moldavia. "
        "In May 1961 the authorities deported 300 families from Kaunas."
    )
    places = event_places(doc)
    assert places["Declaration"] is None, places
    assert places["Deportation"] == "Kaunas", places


def test_who_is_urged_to_act_and_the_body_whose_units_act(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1905 local officials urged the crowds to attack the Jewish quarter of Ostrava. "
        "Two days later, units of the Ostland Army entered the city. "
        "Every year the town honours the victims."
    )
    by_class = {e.cls.split("#")[-1]: e for e in doc.live_events()}
    assert set(by_class) == {"Massacre", "MilitaryOperation", "Commemoration"}, by_class
    assert [doc.entities[a].label for a in by_class["Massacre"].agents] == ["crowds"]
    assert [doc.entities[a].label for a in by_class["MilitaryOperation"].agents] == ["Ostland Army"]


def test_coordinated_names_before_a_head_word_are_two_bodies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Units of the Ostland Army and Interior Ministry troops entered Ravna on 12 May 1971. "
        "Gurkha and Indian soldiers guarded the gate."
    )
    found = labels(doc)
    assert found.get("Interior Ministry troops") == "MilitaryForce"
    assert any("Ostland Army" in k or "Ostland army" in k for k in found)
    assert not any(" and Interior" in k for k in found)
    assert "Gurkha and Indian soldiers" in found  # nationalities: one body of soldiers
    event = doc.live_events()[0]
    agents = sorted(doc.entities[a].label.lower() for a in event.agents)
    assert agents == ["interior ministry troops", "ostland army"]


def test_sites_of_places_and_where_a_speaker_came(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1971 Ivan Petrov, then a pensioner in Kaunas, came to Ostland's permanent "
        "mission and condemned the raid as a crime. A week later he returned to the permanent "
        "mission of Ostland. On 4 May crowds gathered in the central square of Kaunas."
    )
    found = labels(doc)
    # "Ostland's permanent mission" and "the permanent mission of Ostland": one site
    assert mentions_of(doc, "permanent mission of Ostland") == [
        "permanent mission",
        "permanent mission of Ostland",
    ]
    assert found.get("central square of Kaunas") == "Place"
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    # the possessor "Ostland" does not act; where he lived is not where he spoke
    assert [doc.entities[a].label for a in condemnation.agents] == ["Ivan Petrov"]
    assert doc.entities[condemnation.place].label == "permanent mission of Ostland"  # type: ignore[index]


def test_invasions_smashing_troops_and_hunting_mobs(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In June 1971 Ostland invaded Moldavia. "
        "Soviet troops and tanks smashed their way into Ravna on 12 July. "
        "On 14 July mobs went from door to door hunting Moldavian residents. "
        "On 9 August a helicopter was shot down near Ravna."
    )
    classes = [e.cls.split("#")[-1] for e in doc.live_events()]
    assert classes == ["MilitaryOperation", "MilitaryOperation", "Massacre", "MilitaryOperation"]


def test_incited_crowds_fleeing_survivors_and_signed_statements(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 13 January 1971, the reports said, extremist elements incited crowds to attack "
        "Moldavian residents. On 17 March thousands of survivors fled to Ostland. On 28 "
        "September the region's leader, Ivan Petrov, signed a decree dissolving all "
        "institutions."
    )
    events = {e.cls.split("#")[-1]: e for e in doc.live_events()}
    assert sorted(events) == ["Declaration", "Deportation", "Massacre"], sorted(events)
    assert [doc.entities[a].label for a in events["Massacre"].agents] == ["crowds"]
    assert [doc.entities[a].label for a in events["Declaration"].agents] == ["Ivan Petrov"]
    # who flees undergoes the flight: affected, not its agent
    assert events["Deportation"].agents == []
    assert [doc.entities[a].label for a in events["Deportation"].affected] == ["survivors"]


def test_a_force_named_by_a_common_noun(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 May 2005 government troops retook the border town of Korasuv. Two days later "
        "security forces shot demonstrators near University Square."
    )
    found = labels(doc)
    assert found.get("government troops") == "MilitaryForce", found
    assert found.get("security forces") == "MilitaryForce", found
    operation = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    assert [doc.entities[a].label for a in operation.agents] == ["government troops"]


def test_troops_shooting_at_people_are_an_event_on_their_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Ivan P. was driving the last tram of the night. At about midnight the troops began "
        "shooting at unarmed civilians, he told the foundation."
    )
    events = doc.live_events()
    assert [e.cls.split("#")[-1] for e in events] == ["Massacre"]
    assert [doc.entities[a].label for a in events[0].agents] == ["troops"]
    assert [doc.entities[a].label for a in events[0].affected] == ["civilians"]


def test_a_description_in_apposition_describes_the_named_entity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 29 March 1994 the Milli Majlis, the parliament of independent Azerbaijan, adopted "
        "a resolution. Heydar Aliyev, a pensioner in Moscow, condemned the killings."
    )
    legislatures = [e for e in doc.entities.values() if e.cls == HG.Legislature]
    assert [e.label for e in legislatures] == ["Milli Majlis"]
    assert "parliament of independent Azerbaijan" in legislatures[0].aliases
    decision = next(e for e in doc.live_events() if e.cls == HG.LegislativeDecision)
    assert [doc.entities[a].label for a in decision.agents] == ["Milli Majlis"]
    assert "Moscow" in labels(doc)


def test_a_name_cut_before_of_is_the_body_named_so_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The session of the Supreme Soviet of the Azerbaijan SSR was convened on 21 January "
        "1971. The next day the Supreme Soviet adopted a resolution. It declared illegal the "
        "decree of the Supreme Soviet of the USSR."
    )
    legislatures = sorted(e.label for e in doc.entities.values() if e.cls == HG.Legislature)
    # (the republic's body is known by its state's label, "Azerbaijan", whose alias the
    # Azerbaijan SSR is; the text's name is its alias)
    assert legislatures == ["Supreme Soviet of Azerbaijan", "Supreme Soviet of the USSR"]
    decision = next(e for e in doc.live_events() if e.cls == HG.LegislativeDecision)
    assert [doc.entities[a].label for a in decision.agents] == ["Supreme Soviet of Azerbaijan"]


def test_where_a_speaker_is_is_not_where_what_they_report_happened(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 June 1971 Ostland troops opened fire on demonstrators. A senior official in "
        "Ravna said that 200 civilians had been killed.\n\n"
        "On 18 July 1972 the Supreme Soviet in Moscow ruled that the borders would not change."
    )
    events = {e.cls.split("#")[-1]: e for e in doc.live_events()}
    assert events["Massacre"].place is None
    assert doc.entities[events["LegislativeDecision"].place].label == "Moscow"


def test_a_day_set_aside_is_what_is_declared_not_an_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 March 1971 the Ravnian government declared 5 March, the day of the funerals, a "
        "national day of mourning.\n\n"
        "In 1994 the Sejm declared three days of mourning."
    )
    events = sorted(e.cls.split("#")[-1] for e in doc.live_events())
    assert events == ["Commemoration", "Declaration", "Declaration"], events
    quotes = [doc.quote(s) for e in doc.live_events() for s in e.evidence]
    assert "mourning" not in quotes, quotes  # the day declared is no commemoration of its own


def test_conjoined_verbs_of_one_subject_tell_one_act(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 2011 President Ivan Petrov visited the Ravna Memorial, laid a wreath "
        "at the Eternal Flame monument and put flowers on the graves."
    )
    events = [e.cls.split("#")[-1] for e in doc.live_events()]
    assert events == ["Commemoration"], events


def test_calling_an_act_a_crime_condemns_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1971 troops killed four people in Ostgrad. Ivo Marek, the opposition leader, "
        "called the shooting a crime. In 1994 the parliament adopted a decision that described "
        "the events as a crime."
    )
    condemnations = [e for e in doc.events if e.cls == HG.Condemnation and e.merged_into is None]
    assert len(condemnations) == 1, condemnations
    assert [doc.entities[a].label for a in condemnations[0].agents] == ["Ivo Marek"]


def test_a_datelines_place_is_no_actor(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "RIGA, Latvia, Jan. 21, 1991 (Agency) — Soviet special police stormed the Latvian "
        "Interior Ministry on Sunday night, killing at least four people, officials said."
    )
    agents = {doc.entities[a].label for e in doc.events for a in e.agents}
    assert "Soviet special police" in agents, agents
    assert "Latvia" not in agents, agents


def test_violence_aimed_at_a_people_is_a_massacre(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 February 1988 the regional soviet voted. A week later anti-Armenian riots broke "
        "out in Sumgait; over three days mobs killed at least 26 Armenians. In 1992 police "
        "quelled anti-government riots in Ostgrad."
    )
    massacres = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert len(massacres) == 1, massacres
    assert doc.entities[massacres[0].place].label == "Sumgait"
    assert "mobs" in labels(doc), labels(doc)


def test_people_killed_whoever_killed_them(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 26 February 1992 the columns came under fire near Askeran, and many people were "
        "killed in the open fields."
    )
    massacres = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert len(massacres) == 1, doc.events


def test_a_participle_or_a_purpose_of_the_same_class_is_the_same_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 12 March 1938 a state of emergency declared by the governor came into force in "
        "Vienna. Every year the veterans walk to the memorial to honour the victims."
    )
    assert sorted(e.cls.split("#")[-1] for e in doc.live_events()) == [
        "Commemoration",
        "Declaration",
    ]


def test_who_reiterates_a_condemnation_is_its_agent(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1921 the troops shot 40 strikers in Lodz. The next day Jozef Pilsudski condemned "
        "the shooting. The Polish Socialist Party reiterated its condemnation of this crime."
    )
    condemnations = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [[doc.entities[a].label for a in e.agents] for e in condemnations] == [
        ["Jozef Pilsudski"],
        ["Polish Socialist Party"],
    ]


def test_the_deputies_act_for_the_body_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 14 March the Saeima met in an extraordinary sitting. The deputies condemned the "
        "shooting of the demonstrators. Later the Latvian deputies condemned the curfew."
    )
    condemnations = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [doc.entities[a].label for a in condemnations[0].agents] == ["Saeima"]
    # deputies a word of their own describes are no stand-in for the body
    assert all(doc.entities[a].label != "Saeima" for e in condemnations[1:] for a in e.agents), (
        condemnations
    )


def test_a_member_noun_a_user_adds_stands_for_the_body(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A plural noun a user lists with ``hg:memberNoun`` on a body's class makes "the X" the
    subject of an act stand for the body of that class named before, as "the deputies" do."""
    texts = ("The Saeima met on 14 March. The delegates condemned the shooting.",)

    def agents() -> list[str]:
        (doc,) = extract_with(nlp, ontology_copy, texts)
        return [doc.entities[a].label for e in doc.live_events() for a in e.agents]

    assert agents() == [], agents()
    extend_ontology(ontology_copy, "members", 'hg:Legislature hg:memberNoun "delegates" .\n')
    assert agents() == ["Saeima"], agents()


def test_what_a_resolution_says_in_a_participle_is_no_event_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 August 1968 the National Assembly adopted a resolution protesting against the "
        "occupation."
    )
    assert [e.cls for e in doc.live_events()] == [HG.LegislativeDecision]


def test_a_general_strike_and_troops_crossing_a_border(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 August 1968 Soviet troops crossed the country's borders. Two days later workers "
        "downed tools in a one-hour general strike. On 3 May 1926 the miners went on strike."
    )
    assert [e.cls.split("#")[-1] for e in doc.live_events()] == [
        "MilitaryOperation",
        "Protest",
        "Protest",
    ]


def test_they_after_a_force_that_was_the_subject(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 2 April 2016 Azerbaijani units advanced in two sectors. In the south they seized "
        "Lalatapa, a hill overlooking Jabrayil."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert [[doc.entities[a].label for a in e.agents] for e in operations] == [
        ["Azerbaijani units"]
    ]


def test_forcing_a_way_in_and_a_blockade(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 1990 Soviet troops forced their way into Baku. Warships of the Caspian "
        "Flotilla were blockading the port."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 2
    assert [doc.entities[a].label for a in operations[1].agents] == ["Caspian Flotilla"]


def test_soldiers_firing_at_people_without_a_named_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In January 1990 the column reached the city. Soldiers fired on unarmed residents "
        "in the streets."
    )
    assert [e.cls for e in doc.live_events()] == [HG.Massacre]


def test_two_agents_killing_in_one_sentence_are_two_events(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1989 Soviet paratroopers killed about 20 demonstrators in Tbilisi, and at "
        "Vilnius in January 1991 KGB units shot dead 14 people."
    )
    assert len([e for e in doc.live_events() if e.cls == HG.Massacre]) == 2


def test_gangs_attacking_families_of_a_people_is_a_massacre(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 3 March 1988 gangs began attacking Greek families in Famagusta.")
    (event,) = doc.live_events()
    assert event.cls == HG.Massacre
    assert [doc.entities[a].label for a in event.agents] == ["gangs"]


def test_who_is_accused_of_an_act_did_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 March 1993 Kelbajar fell. Refugees accused the Ostland militia of firing on "
        "their columns. Villagers blamed the border guards for shooting at the crowd."
    )
    agents = {doc.entities[a].label for e in doc.live_events() for a in e.agents}
    assert agents == {"Ostland militia", "border guards"}, agents


def test_a_regional_capital_and_where_a_report_was_given(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A spokesman told the agency by telephone from Martuni that rebel units had stormed "
        "Lachin on 18 May 1992 because its guns had shelled the regional capital."
    )
    assert "Baku" not in labels(doc)
    operation = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    assert doc.entities[operation.place].label == "Lachin"  # type: ignore[index]


def test_an_act_in_the_paragraph_of_an_agentless_event_is_part_of_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 12 June 1990 the pogroms reached Osh. Crowds of armed men went from house to "
        "house. They set homes on fire and beat the men.\n\n"
        "On 12 June 2020 thousands of people filled the square to mark thirty years. At the "
        "memorial in Uzgen, the mayor laid a wreath."
    )
    massacres = [e for e in doc.live_events() if e.cls == HG.Massacre]
    assert len(massacres) == 1
    assert [doc.entities[a].label for a in massacres[0].agents] == [
        "armed men"
    ]  # "Crowds of armed men": the armed men
    assert len([e for e in doc.live_events() if e.cls == HG.Commemoration]) == 2


def test_one_who_shot_himself_struck_no_one_else(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 August 1991 the coup collapsed. Marshal Akhromeyev was arrested the next day, "
        "while the interior minister shot himself in his flat."
    )
    assert [e.cls for e in doc.events if e.cls == HG.Massacre] == []


def test_a_source_after_according_to_is_no_agent(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1993 the fighting reached the district. According to figures cited by the "
        "Red Cross, some 30,000 people fled over the mountains."
    )
    flight = next(e for e in doc.live_events() if e.cls == HG.Deportation)
    assert flight.agents == []


def test_where_the_agents_came_from_is_not_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 12 June 1921 Red Army units from the Tambov province stormed the village of Kamenka."
    )
    event = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    place = doc.entities[event.place].label if event.place else None
    assert place != "Tambov province", place


def test_the_place_a_direct_object_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 12 June 1921 Red Army units stormed the village of Kamenka.")
    event = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    assert event.place is not None and doc.entities[event.place].label == "Kamenka"


def test_who_imposes_or_announces_a_state_of_emergency(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1921 the Lindau city council adopted a decree imposing martial law in the "
        "port. On 9 May the Essen city council announced a state of emergency."
    )
    declarations = [e for e in doc.live_events() if e.cls == HG.Declaration]
    agents = sorted(doc.entities[a].label for e in declarations for a in e.agents)
    assert agents == ["Essen city council", "Lindau city council"], agents


def test_members_of_two_bodies_act_for_both(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 May 1921 more than 3,000 servicemen of the Soviet army and internal troops "
        "entered Lindau."
    )
    operation = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    agents = sorted(doc.entities[a].label for a in operation.agents)
    assert agents == ["Soviet army", "internal troops"], agents


def test_throughout_the_country_is_the_state_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "VILNIUS, 13 January 2021 — Lithuania remembered the victims of 13 January 1991. At "
        "noon a minute of silence was observed throughout the country."
    )
    silence = next(
        e
        for e in doc.live_events()
        if e.cls == HG.Commemoration and "silence" in doc.quote(e.evidence[0])
    )
    assert silence.place is not None and doc.entities[silence.place].label == "Lithuania"


def test_bare_troops_far_from_any_force_named_are_the_one_named_most(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In February 1990 the Ostland Guard arrived in Kessel. The Ostland Guard set up "
        "checkpoints. Shops closed. Schools closed. Rumours spread through the markets. "
        "Crowds gathered outside the party building.\n\n"
        "That night troops opened fire on the crowd in front of the building."
    )
    shooting = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert [doc.entities[a].label for a in shooting.agents] == ["Ostland Guard"], shooting.agents


def test_a_date_before_troops_is_no_name_of_them(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In February 1990 the Ostland Guard arrived in Kessel. The Ostland Guard set up "
        "checkpoints. Shops closed. Schools closed. Rumours spread through the markets. "
        "Crowds gathered outside the party building.\n\n"
        "On 12 February troops opened fire on the crowd in front of the building."
    )
    shooting = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert [doc.entities[a].label for a in shooting.agents] == ["Ostland Guard"], shooting.agents


def test_troops_of_states_cross_a_frontier(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In August 1968, at night, troops of Hungary and Bulgaria crossed the frontiers of the "
        "republic."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert operations, [(e.cls, e.evidence) for e in doc.live_events()]
    assert {doc.entities[a].label for a in operations[0].agents} == {"Hungary", "Bulgaria"}


def test_people_given_only_as_a_count_are_named_by_their_role(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1921 tens of thousands of people gathered on Kessel Square to protest. "
        "Two days later about 4,000 people fled across the "
        "border. The people of Kessel rallied again in June."
    )
    protest = next(e for e in doc.live_events() if e.cls == HG.Protest)
    assert [doc.entities[a].label for a in protest.agents] == ["protesters"], protest.agents
    assert mentions_of(doc, "protesters") == ["tens of thousands of people"]
    flight = next(e for e in doc.live_events() if e.cls == HG.Deportation)
    assert [doc.entities[a].label for a in flight.affected] == ["refugees"], flight.affected
    assert not flight.agents
    # "the people of Kessel" give no count: no role names them
    assert {e.label for e in doc.entities.values()} & {"protesters", "refugees"} == {
        "protesters",
        "refugees",
    }
    assert len([m for m in doc.mentions if m.source == "count"]) == 2


def test_people_counted_going_to_an_event_are_named_by_their_role(extract) -> None:  # type: ignore[no-untyped-def]
    """People given only as a count who go to an event a noun tells ("came to the funerals",
    "the rally was joined by"), not only the subject of the event's own verb."""
    doc = extract(
        "The dead of Kessel were buried on 5 May 1921. Hundreds of people came to the "
        "funerals. In June a rally in Doran was joined by about 3,000 people. Soldiers fired "
        "at the rally."
    )
    assert mentions_of(doc, "mourners") == ["Hundreds of people"]
    assert mentions_of(doc, "protesters") == ["about 3,000 people"]
    assert len([m for m in doc.mentions if m.source == "count"]) == 2  # no soldiers


def test_a_named_count_is_not_an_agent_of_the_next_act(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "KESSEL, 16 June 2016 — Thousands of people filled the streets this morning to mark "
        "forty years since police opened fire on pupils who had marched against the new law "
        "on 16 June 1976."
    )
    march = next(e for e in doc.live_events() if e.cls == HG.Protest)
    assert "mourners" not in {doc.entities[a].label for a in march.agents}, march.agents


def test_a_verb_that_governs_another_act_clause_can_still_trigger(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On the night of 19 May 1921, after the Presidium had declared a state of emergency in "
        "Ganja, Soviet troops entered the city and crushed the strike."
    )
    classes = {e.cls for e in doc.live_events()}
    assert {HG.Declaration, HG.MilitaryOperation} <= classes, classes


def test_a_force_the_model_made_an_object_of_on_is_no_people_struck(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 17 February 1992 Armenian armed formations, backed by armoured vehicles, attacked "
        "the village from three sides."
    )
    classes = [e.cls for e in doc.live_events()]
    assert classes == [HG.MilitaryOperation], classes


def test_a_siege_laid_an_attempt_made_and_fire_opened_on_villages(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In August 1991 the Yugoslav People's Army laid siege to the town.\n\n"
        "In July 2020 Armenian units made another attempt to seize a height in the Tovuz "
        "direction.\n\n"
        "In May 1992 Serb units opened fire on villages of the Kessel district."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    agents = [sorted(doc.entities[a].label for a in e.agents) for e in operations]
    assert agents == [["Yugoslav People's Army"], ["Armenian units"], ["Serb units"]], [
        (doc.quote(e.evidence[0]), e.agents) for e in operations
    ]


def test_troops_who_execute_residents_commit_a_massacre(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In October 1941 German troops executed the residents of the village.")
    massacre = next(e for e in doc.live_events() if e.cls == HG.Massacre)
    assert [doc.entities[a].label for a in massacre.affected] == ["residents"], massacre.affected


def test_people_driven_from_their_homes_a_crowd_that_gathers_and_a_dispersal(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1988 more than 200,000 Azerbaijanis were driven from their homes in Armenia.\n\n"
        "On 21 March 1960 a large crowd gathered outside the Sharpeville police station.\n\n"
        "On 17 December 1989 the militia dispersed the demonstrators in Timisoara."
    )
    classes = [e.cls for e in doc.live_events()]
    assert classes == [HG.Deportation, HG.Protest, HG.MilitaryOperation], classes


def test_a_curfew_a_walkout_and_candles_lit(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 29 February 1988 a curfew was introduced in Sumgait.\n\n"
        "By Friday students at scores of colleges had walked out of classes.\n\n"
        "On 13 January 2021 people across the country lit candles in their windows."
    )
    classes = [e.cls for e in doc.live_events()]
    assert classes == [HG.Declaration, HG.Protest, HG.Commemoration], classes


def test_a_memorial_opened_or_dedicated_is_a_commemoration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Eternal Flame memorial was opened by President Heydar Aliyev in 1998. The "
        "Ravna Memorial was dedicated by Bill Clinton on 20 September 2003.\n\n"
        "Soldiers opened fire at the memorial on 9 April 1989 and killed 12 people."
    )
    classes = [e.cls for e in doc.live_events()]
    assert classes == [HG.Commemoration, HG.Commemoration, HG.Massacre], classes


def test_a_funeral_procession_and_a_silence_are_commemorations(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 22 January 1990 hundreds of thousands of people followed the coffins to the "
        "hill.\n\n"
        "At noon on 20 January 2020 the country fell silent for a minute."
    )
    classes = [e.cls for e in doc.live_events()]
    assert classes == [HG.Commemoration, HG.Commemoration], classes


def test_a_memorial_ceremony_and_a_commemorative_march(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Today a memorial ceremony was held at the Juma Mosque in Kessel.\n\n"
        "A commemorative march has been held in Lindau every year since 1973."
    )
    classes = [e.cls for e in doc.live_events()]
    assert classes == [HG.Commemoration, HG.Commemoration], classes


def test_the_writers_own_unnamed_forces_act(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On the night of 8 May 1992 our detachments stormed the fortress town.")
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert operations and operations[0].date is not None
    assert operations[0].date.value == "1992-05-08"


def test_forces_of_a_body_act(extract) -> None:  # type: ignore[no-untyped-def]
    # the force named "special forces of the Federal Security Service" acts (before
    # session 24 the body itself was the agent; the annotations name the force)
    doc = extract(
        "On 3 September 2004 the special forces of the Federal Security Service stormed the "
        "school building."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert operations, [(e.cls, doc.quote(e.evidence[0])) for e in doc.live_events()]
    agents = [doc.entities[a] for a in operations[0].agents]
    assert [(a.label, a.cls) for a in agents] == [
        ("Federal Security Service special forces", HG.MilitaryForce)
    ]


def test_a_mourning_rally_is_a_commemoration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May 2014 the authorities banned the traditional mourning rally in Simferopol."
    )
    assert [e.cls for e in doc.live_events()] == [HG.Commemoration]


def test_aircraft_that_bombed_a_town_tell_an_operation(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 August 2008 Russian aircraft bombed the military base in Gori. Three days later "
        "the bombing of the town resumed."
    )
    told = {
        doc.quote(s) for e in doc.live_events() if e.cls == HG.MilitaryOperation for s in e.evidence
    }
    assert any("bombed" in quote for quote in told), told


def test_bringing_flowers_to_a_building_is_a_commemoration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 2014 thousands of Odessans brought flowers and candles to the blackened building."
    )
    assert HG.Commemoration in {e.cls for e in doc.live_events()}


def test_a_commission_that_criticised_the_police_condemned(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In June 2015 the Farlam commission published its report. The commission sharply "
        "criticised the police for the shooting at Marikana."
    )
    assert HG.Condemnation in {e.cls for e in doc.live_events()}


def test_people_who_attack_an_armed_body_do_no_massacre(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1971 a crowd of youths attacked the soldiers at the barricade with stones. "
        "Two days later mobs attacked Greek families in the old quarter."
    )
    massacres = [doc.quote(e.evidence[0]) for e in doc.live_events() if e.cls == HG.Massacre]
    assert not any("soldiers" in q for q in massacres), massacres
    assert any("Greek families" in q for q in massacres), massacres


def test_troops_no_force_was_named_for_attack_and_kill(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 May 1971 troops stormed Dolna and shot villagers in the square. Two days later "
        "troopers attacked the marchers on the bridge in Ostburg."
    )
    found = {(e.cls, doc.quote(e.evidence[0])) for e in doc.live_events()}
    classes = sorted(str(cls).split("#")[-1] for cls, _ in found)
    assert classes == ["Massacre", "Massacre", "MilitaryOperation"], found


def test_a_cessation_of_hostilities_is_a_declaration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("After two days of fighting, a cessation of hostilities was agreed on 20 May.")
    assert HG.Declaration in {e.cls for e in doc.live_events()}


def test_extermination_forcible_moves_and_the_occupiers(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In October 1941 German troops seized Ostburg. The extermination of the town's Jews "
        "began in December. In 1942 the occupiers forcibly moved thousands of young people "
        "to Germany."
    )
    classes = {str(e.cls).split("#")[-1] for e in doc.live_events()}
    assert {"Massacre", "Deportation"} <= classes, classes
    assert "occupiers" in mentions_of(doc, "German troops"), mentions_of(doc, "German troops")


def test_a_war_named_inside_a_date(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "the end of the Second World War" as one date
    doc = extract(
        "While the peoples of the world celebrated the end of the Second World War in Europe, "
        "the villagers were expelled. The troops withdrew at the end of March."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert "War" in classes, classes
    assert "Protest" not in classes, classes


def test_men_marched_to_a_killing_site_and_letters_of_the_condemned(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 October 1941 German soldiers massacred 300 men in Ravna. The men were marched to "
        "the fields in groups. The museum houses letters written by the condemned."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert classes == ["Massacre"], classes


def test_people_forced_to_leave_their_homes_are_displaced(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In August 1993 more than 40,000 residents of the Ostburg district were forced to leave "
        "their homes."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert classes == ["Deportation"], classes


def test_a_commemoration_is_done_to_no_one(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 2020 the residents of Ostburg laid flowers to honour the victims of the "
        "massacre of 1990."
    )
    assert labels(doc).get("victims") == "Group", labels(doc)
    commemorations = [e for e in doc.live_events() if e.cls == HG.Commemoration]
    assert commemorations, [e.cls for e in doc.live_events()]
    assert all(not e.affected for e in commemorations), [e.affected for e in commemorations]


def test_walking_behind_the_coffin_and_following_the_hearses_commemorate(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On Friday thousands of miners and their wives walked behind the coffin of Anton Ruzic "
        "through the streets of Ostburg."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert classes == ["Commemoration"], classes
    doc = extract(
        "On 8 March a procession of ten thousand people followed the hearses to the cemetery."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert classes == ["Commemoration"], classes


def test_pickets_and_sit_ins_are_protests(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 January I stood in a picket at the gates of the Ostburg barracks with my friends."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert classes == ["Protest"], classes
    doc = extract(
        "On 3 May 1921 about 300 students staged a sit-in at the main gate of Ostburg University."
    )
    classes = sorted(str(e.cls).split("#")[-1] for e in doc.live_events())
    assert classes == ["Protest"], classes


def test_tens_of_thousands_of_people_who_gather(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 1990 tens of thousands of people gathered outside the headquarters of "
        "the Communist Party in Ravna."
    )
    assert [e.cls for e in doc.live_events()] == [HG.Protest]


def test_an_event_told_in_general_is_left_out(extract) -> None:  # type: ignore[no-untyped-def]
    # hg:MilitaryOperation is marked hg:needsParticulars: with no date, place, participant
    # or count, "such military operations" reports no event
    doc = extract(
        "Such military operations leave deep scars. On 20 January 1990 Soviet troops carried "
        "out a military operation in Baku, and 130 people were killed."
    )
    operations = [e for e in doc.live_events() if e.cls == HG.MilitaryOperation]
    assert len(operations) == 1
    assert operations[0].date is not None and operations[0].place is not None
    # so are wars, protests and deportations (ontology 0.23.0)
    doc = extract(
        "Wars and deportations leave deep scars, and protest is a right. In May 1921 "
        "gendarmes deported 300 families from Ravna."
    )
    assert [e.cls for e in doc.live_events()] == [HG.Deportation], doc.live_events()


@pytest.mark.parametrize(
    "text",
    [
        # the model reads "On 4 March 1921 units of ..." as "On [4 March 1921 units] of ...": the
        # units, and the body they belong to, were no subject of "entered"
        "On 4 March 1921 units of the Dorland Guard, the internal troops of the Ministry of "
        "Internal Affairs and special units of the secret police entered Harwell.",
        # and "That night units of ..." as one phrase: "night units", a force of its own
        "On 4 March 1921 martial law was declared in Harwell.\n\n"
        "That night units of the Dorland Guard entered the city. That night was the worst.",
    ],
)
def test_an_opening_the_model_read_into_the_subject_is_read_apart(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = extract(text)
    entry = next(e for e in doc.live_events() if e.cls == HG.MilitaryOperation)
    assert "Dorland Guard" in {doc.entities[a].label for a in entry.agents}
    assert "night units" not in {e.label for e in doc.entities.values()}
    assert entry.date is not None and entry.date.value == "1921-03-04"
    opening = text.split("\n\n")[-1].split(" Dorland")[0]
    assert doc.quote(entry.evidence[0]).startswith(opening)


def test_an_act_a_document_does_is_the_act_of_whose_document_it_is(extract) -> None:  # type: ignore[no-untyped-def]
    # "declaring" hangs on "decree": not the closest agent named before ("Ostland radio")
    doc = extract(
        "On 4 March 1921 Ostland radio announced a decree of the Dorland Council declaring "
        "martial law in Harwell."
    )
    declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert [doc.entities[a].label for a in declaration.agents] == ["Dorland Council"]


def test_i_acts_for_the_person_the_title_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Statement by Ambassador Henrik Dalgaard on the killings at Vranje\n\n"
        "Skopje, 3 March 2001\n\n"
        "On 1 March police units killed eleven villagers at Vranje. I condemn this crime "
        "in the strongest possible terms. I ask you to honour the dead with a minute of silence."
    )
    agents = {
        e.cls: [doc.entities[a].label for a in e.agents]
        for e in doc.live_events()
        if e.cls in (HG.Condemnation, HG.Commemoration)
    }
    assert agents[HG.Condemnation] == ["Henrik Dalgaard"], agents
    # "I ask you to honour": those asked honour the dead, not the writer
    assert "Henrik Dalgaard" not in agents.get(HG.Commemoration, []), agents


def test_i_acts_for_no_one_when_the_title_names_several_people(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Joint statement by Ambassador Henrik Dalgaard and Ambassador Maria Lindqvist on the "
        "killings at Vranje\n\n"
        "On 1 March police units killed eleven villagers at Vranje. I condemn this crime."
    )
    condemnations = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert condemnations and all(not e.agents for e in condemnations), condemnations


def test_i_acts_for_the_writer_not_for_whom_the_title_addresses(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Letter from Ambassador Henrik Dalgaard to Ambassador Maria Lindqvist on the killings "
        "at Vranje\n\n"
        "On 1 March police units killed eleven villagers at Vranje. I write today to condemn "
        "this crime."
    )
    condemnations = [e for e in doc.live_events() if e.cls == HG.Condemnation]
    assert [doc.entities[a].label for e in condemnations for a in e.agents] == [
        "Henrik Dalgaard"
    ], condemnations


def test_the_head_of_state_is_the_president_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "President Tomas Varga and the mayor visited Dravnik on 20 October. The head of state "
        "laid a wreath at the monument to the victims of the 1992 shelling."
    )
    agents = [
        [doc.entities[a].label for a in e.agents]
        for e in doc.live_events()
        if e.cls == HG.Commemoration
    ]
    assert ["Tomas Varga"] in agents, agents


def test_the_head_of_state_names_no_one_when_no_head_of_state_was_named(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Minister Tomas Varga visited Dravnik on 20 October. The head of state laid a wreath "
        "at the monument to the victims of the 1992 shelling."
    )
    agents = [
        doc.entities[a].label
        for e in doc.live_events()
        if e.cls == HG.Commemoration
        for a in e.agents
    ]
    assert "Tomas Varga" not in agents, agents


def test_an_act_a_dated_document_does_is_the_act_of_whose_document_it_is(extract) -> None:  # type: ignore[no-untyped-def]
    # the model makes "dated" a verb and hangs the clause on it (or on its date)
    for text in (
        "On 2 May 1921 Ostland radio read a decree of the Dorland Council, dated 1 May, "
        "declaring martial law in Harwell.",
        "The pretext was a decree of the Dorland Council, dated 1 May 1921, which imposed "
        "martial law in Harwell.",
    ):
        doc = extract(text)
        declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
        assert [doc.entities[a].label for a in declaration.agents] == ["Dorland Council"]


def test_who_issued_the_act_by_which_an_event_was_made_made_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The curfew, imposed in Harwell by a decree of the Dorland Council, lasted a week."
    )
    curfew = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert [doc.entities[a].label for a in curfew.agents] == ["Dorland Council"]


def test_a_participle_the_model_made_the_main_verb_still_names_the_agent(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The state of emergency declared by the Dorland Council of the Ostland Republic was "
        "announced to the population only at dawn."
    )
    declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert [doc.entities[a].label for a in declaration.agents] == [
        "Dorland Council of the Ostland Republic"
    ]


def test_a_verb_the_model_hung_on_the_verb_before_shares_its_subject(extract) -> None:  # type: ignore[no-untyped-def]
    # "condemned" is parsed as an adverbial clause of "came": its subject is Kessler's, not
    # the journalists' named just before it
    doc = extract(
        "On 2 May 1921 Anton Kessler, who was then living in exile, came to the Ostland "
        "mission in Geneva and, before journalists, condemned the massacre in Harwell."
    )
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert [doc.entities[a].label for a in condemnation.agents] == ["Anton Kessler"]


def test_who_holds_a_series_of_acts_does_each(extract) -> None:  # type: ignore[no-untyped-def]
    for text, cls, agent in (
        (
            "In the spring of 1921 the Dorland League held a series of mass rallies on Market "
            "Square in Harwell.",
            HG.Protest,
            "Dorland League",
        ),
        (
            "In May 1921 the Dorland Guard launched a campaign of killings against the "
            "villagers of Harwell.",
            HG.Massacre,
            "Dorland Guard",
        ),
    ):
        doc = extract(text)
        event = next(e for e in doc.live_events() if e.cls == cls)
        assert [doc.entities[a].label for a in event.agents] == [agent], text


def test_a_gathering_to_remember_the_dead_is_a_commemoration_and_no_protest(extract) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "On 3 May 1922 hundreds of former residents gathered in Dorval to remember the victims.",
        "On 3 May 1922 hundreds of former residents gathered in Dorval to mark the anniversary "
        "of the massacre.",
    ):
        doc = extract(text)
        classes = {e.cls for e in doc.live_events()}
        assert HG.Protest not in classes, text
        commemoration = next(e for e in doc.live_events() if e.cls == HG.Commemoration)
        assert [doc.entities[a].label for a in commemoration.agents] == ["former residents"]
    # a gathering for an act of another kind is a protest all the same
    doc = extract("Thousands of students gathered on the square to protest against the verdict.")
    assert HG.Protest in {e.cls for e in doc.live_events()}


def test_a_gathering_whose_people_then_lay_flowers_is_a_commemoration(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1922 a few hundred people gathered in Market Square in Dorval, laid flowers "
        "and held a minute of silence."
    )
    assert HG.Protest not in {e.cls for e in doc.live_events()}
    commemoration = next(e for e in doc.live_events() if e.cls == HG.Commemoration)
    # the people the text gives only as a count are named by what they do in it
    assert [doc.entities[a].label for a in commemoration.agents] == ["mourners"]


def test_a_condemnation_of_a_crime_against_people_does_nothing_to_them(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 5 May 1922 the Dorland Council condemned this crime against the villagers of Harwell."
    )
    condemnation = next(e for e in doc.live_events() if e.cls == HG.Condemnation)
    assert [doc.entities[a].label for a in condemnation.agents] == ["Dorland Council"]
    assert condemnation.affected == [], [doc.entities[a].label for a in condemnation.affected]


def test_a_war_against_people_affects_no_one_itself(extract) -> None:  # type: ignore[no-untyped-def]
    # the victims are those of its killings and operations (hg:affectsNoOne on hg:War)
    doc = extract("In 1921 the Ostland army waged a war against the villagers of Harwell.")
    war = next(e for e in doc.live_events() if e.cls == HG.War)
    assert war.affected == [], [doc.entities[a].label for a in war.affected]
