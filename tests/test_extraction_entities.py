"""The entities stage on short texts written for these tests (not the first article):
each test checks one general rule on sentences the rules were not written for."""

from __future__ import annotations

from pathlib import Path

import pytest

from historygraph.namespaces import HG
from tests.extraction_support import (
    entities_of,
    event_places,
    extend_ontology,
    extract_with,
    extract_with_tags,
    labels,
    mention_labels,
    mentions_of,
    the_one_person,
    words_tagged,
)

pytestmark = pytest.mark.slow


def test_glued_alias_matches_the_gazetteer(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1995 the MilliMajlis met in Baku and debated the situation in Karabakhand the border."
    )
    found = labels(doc)
    assert found["Milli Majlis"] == "Legislature"
    assert found["Karabakh"] == "Place"
    karabakh = next(m for m in doc.mentions if doc.entities[m.entity].label == "Karabakh")
    assert doc.quote(karabakh.span) == "Karabakh"


def test_head_word_classes_unknown_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Hungarian People's Army entered Budapest. The Parliament of Hungary protested."
    )
    found = labels(doc)
    assert any(v == "MilitaryForce" and "Army" in k for k, v in found.items()), found
    assert any(v == "Legislature" and "Parliament" in k for k, v in found.items()), found


def test_parenthesised_alias_joins_the_entity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The Milli Majlis (Parliament) adopted a resolution in May 1992.")
    assert [e.label for e in doc.entities.values() if e.cls == HG.Legislature] == ["Milli Majlis"]


def test_the_capital_resolves_through_the_gazetteer(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Azerbaijan declared independence in 1991. Crowds gathered in the capital that night."
    )
    capital = [m for m in doc.mentions if doc.entities[m.entity].label == "Baku"]
    assert capital and doc.quote(capital[0].span) == "capital"


def test_one_name_keeps_one_sense(extract) -> None:  # type: ignore[no-untyped-def]
    # the model calls "Kanyama" an organisation each time; "in Kanyama" and the
    # appositive "a township" say it is a place, and every mention follows
    doc = extract(
        "Police opened fire on a crowd in Kanyama on 3 May 1980. Kanyama, a township outside "
        "Lusaka, had been tense for weeks. Kanyama buried its dead a week later."
    )
    kanyama = [e for e in doc.entities.values() if e.label == "Kanyama"]
    assert [e.cls for e in kanyama] == [HG.Place]
    assert mentions_of(doc, "Kanyama") == ["Kanyama"] * 3


def test_a_surname_joins_the_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "General Augusto Pinochet seized power in Chile in September 1973. "
        "Pinochet later ruled by decree."
    )
    people = [e for e in doc.entities.values() if e.cls == HG.Person]
    assert [p.label for p in people] == ["Augusto Pinochet"]
    assert mentions_of(doc, "Augusto Pinochet") == ["Augusto Pinochet", "Pinochet"]


def test_a_month_is_not_a_surname(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Prime Minister Theresa May spoke in London in May 2019.")
    assert mentions_of(doc, "Theresa May") == ["Theresa May"]


def test_a_modified_name_joins_the_plain_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The ethnic Serbian forces shelled the town in May 1992. Serbian forces withdrew in July."
    )
    forces = [e for e in doc.entities.values() if e.cls == HG.MilitaryForce]
    assert [f.label for f in forces] == ["Serbian forces"]
    assert mentions_of(doc, "Serbian forces") == ["ethnic Serbian forces", "Serbian forces"]


def test_nationalities(extract) -> None:  # type: ignore[no-untyped-def]
    # a plural nationality used as a noun is a people; the adjective is no person
    doc = extract(
        "Thousands of Kazakhs fled to Turkey in 1991. Soldiers fled towards Barda, the nearest "
        "town under Azerbaijani control. Thousands of Kurds fled too."
    )
    found = labels(doc)
    assert found.get("Kazakhs") == "Group", found
    assert found.get("Kurdish people") == "Group", found  # the gazetteer's people
    assert "Kurds" in mentions_of(doc, "Kurdish people")
    assert "Azerbaijani" not in found
    assert found.get("Barda") == "Place"


def test_known_as_joins_two_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1920 the government appointed the Commission of Inquiry into the Riots, known as "
        "the Walker Commission. The Walker Commission reported in 1921."
    )
    assert mentions_of(doc, "Commission of Inquiry") == [
        "Commission of Inquiry",
        "Walker Commission",
        "Walker Commission",
    ]
    # "Chile ... is known as" is a clause about something else, not a second name of Chile
    doc = extract(
        "Crowds filled Freedom Square in May 1991. Outside Chile the event is widely known as "
        "the Freedom Square massacre."
    )
    assert mentions_of(doc, "Chile") == ["Chile"]
    assert mentions_of(doc, "Freedom Square") == ["Freedom Square", "Freedom Square"]


def test_a_name_ends_at_its_verb_and_government_of_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In July 1920 the House of Commons censured Dyer. "
        "In October 1919 the government of India appointed a committee."
    )
    found = labels(doc)
    assert "House of Commons" in found and not any("censured" in k for k in found)
    assert found.get("government of India") == "Organization"


def test_a_title_or_surname_alone_joins_the_person(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags the lone "Tsar" as a place; the tagger calls "Gapon" a common noun
    doc = extract(
        "Tsar Nicholas II was not in the city that day. The Tsar later issued a manifesto. "
        "Father Georgy Gapon led the march in January 1905. Gapon fled abroad after the shooting."
    )
    people = {e.label: e.cls for e in doc.entities.values()}
    assert people == {"Nicholas II": HG.Person, "Georgy Gapon": HG.Person}
    assert mentions_of(doc, "Nicholas II") == ["Nicholas II", "Tsar"]
    assert mentions_of(doc, "Georgy Gapon") == ["Georgy Gapon", "Gapon"]


def test_the_government_needs_a_government_to_refer_to(extract) -> None:  # type: ignore[no-untyped-def]
    """A broad head word ("government") must be a word of its referent's name; a plural with a
    quantifier ("many foreign governments") refers to no single body named before."""
    doc = extract(
        "The Ugandan Red Cross counted the wounded in Kampala in March 1971. "
        "The government later denied the figures. "
        "The shootings were condemned by many foreign governments."
    )
    red_cross = next(e for e in doc.entities.values() if e.label == "Ugandan Red Cross")
    assert not {a.lower() for a in red_cross.aliases} & {"government", "many foreign governments"}
    said = [doc.quote(m.span) for m in doc.mentions if m.entity == red_cross.key]
    assert said == ["Ugandan Red Cross"], said


def test_the_government_finds_a_named_government(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Malawian government closed the border in May 1964. "
        "Two days later the government reopened it."
    )
    government = next(e for e in doc.entities.values() if "government" in e.label.lower())
    assert len([m for m in doc.mentions if m.entity == government.key]) == 2


def test_police_and_administrative_divisions_by_head_word(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1976 the Rhodesian Police raided villages in the Matabeleland Province and in the "
        "Gorno-Badakhshan Autonomous Oblast a curfew was declared."
    )
    found = labels(doc)
    assert any(v == "MilitaryForce" and "Police" in k for k, v in found.items()), found
    assert any(v == "Place" and "Oblast" in k for k, v in found.items()), found


def test_an_event_named_by_an_anaphor_is_no_entity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May 1921 soldiers killed forty villagers in Dunmore. Every year schools remember "
        "the victims of the Dunmore Tragedy. Historians still debate the Dunmore Atrocity."
    )
    names = {e.label for e in doc.entities.values()}
    assert not any("Tragedy" in n or "Atrocity" in n for n in names), names
    assert "Dunmore" in names


def test_head_phrases_win_over_their_head_word(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1992 the Supreme Council of Moldavia met in the Government House in Chisinau. "
        "A week later the House of Lords debated the crisis."
    )
    found = labels(doc)
    assert found.get("Supreme Council of Moldavia") == "Legislature", found
    assert found.get("House of Lords") == "Legislature", found
    assert found.get("Government House") == "Place", found


def test_a_nationality_as_a_plural_noun_is_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    # the model may tag "Georgians" as a singular proper noun after a date
    doc = extract("Every year on 9 April Georgians lay flowers in Tbilisi.")
    assert labels(doc).get("Georgians") == "Group", labels(doc)


def test_collective_nouns_and_an_unnamed_force_are_entities(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 2 June 1961 a crowd gathered outside the market in Ndola. "
        "In the afternoon the police opened fire and the demonstrators fled."
    )
    found = labels(doc)
    assert found.get("crowd") == "Group", found
    assert found.get("demonstrators") == "Group", found
    assert found.get("police") == "MilitaryForce", found


def test_a_site_on_a_named_street_is_a_place_located_there(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Every spring students lay wreaths at the memorial on Lenin Avenue in Kaunas.")
    site = next(e for e in doc.entities.values() if e.label == "memorial on Lenin Avenue")
    assert site.cls == HG.Place
    assert site.located_in is not None
    assert doc.entities[site.located_in].label == "Lenin Avenue"
    assert "Lenin Avenue" in {e.label for e in doc.entities.values()}


def test_a_bare_name_heading_a_body_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1990 a parliamentary commission, headed by Anatoly Sobchak, "
        "condemned the use of force."
    )
    assert labels(doc).get("Anatoly Sobchak") == "Person", labels(doc)


def test_the_government_of_a_place_keeps_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In 1921 the government of Kenya banned the meeting.")
    found = labels(doc)
    assert found.get("government of Kenya") == "Organization", found
    assert "Kenya" in found, found


def test_the_place_of_a_dateline_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags an upper-case dateline place as an organisation (a town the gazetteer
    # does not know: "KAPAN" is now "Kapan" from the regional gazetteer)
    doc = extract(
        "MEGHRI, Armenia, 29 September 2023 — Refugees arrived all day.\n\n"
        "MAPUTO, 4 June 2021 — Police fired on a crowd here yesterday."
    )
    found = labels(doc)
    assert found.get("MEGHRI") == "Place", found
    assert found.get("Maputo") == "Place", found  # the gazetteer names it


def test_a_dateline_without_a_year_and_words_set_in_capitals(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "THE TROOPS ARE HERE\n\n"
        "DUNMORE, July 12. -- The soldiers came at last this morning and took the "
        "works. Ten men were killed on Wednesday.\n\n"
        "THE DEAD AND WOUNDED.\n\n"
        "The dead were buried on Friday; the wounded lie in the hospital at Dunmore."
    )
    found = labels(doc)
    # an old newspaper's dateline, no year; labelled as the text writes it in lower case
    assert found.get("Dunmore") == "Place" and "DUNMORE" not in found, found
    # one word in capitals the text also writes in lower case is no name
    assert "DEAD" not in found and "WOUNDED" not in found, found


def test_a_title_before_a_name_tagged_as_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 January 1905 troops fired on workers marching to petition Tsar Nicholas II. "
        "The Chief Constable later read the Riot Act."
    )
    found = labels(doc)
    assert found.get("Nicholas II") == "Person", found
    assert found.get("Chief Constable") != "Organization", found


def test_places_people_come_from_and_a_list_of_places_tagged_as_one(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May 1971 Hindu families from Bagerhat, Barishal and Gopalganj gathered at the "
        "market. Nitai Mondal, who had walked from Kashiani with his mother, survived."
    )
    found = labels(doc)
    for place in ("Bagerhat", "Barishal", "Gopalganj", "Kashiani"):
        assert found.get(place) == "Place", found
    assert "Bagerhat, Barishal" not in found, found


def test_the_place_a_person_is_from(extract) -> None:  # type: ignore[no-untyped-def]
    """ "a teacher from X", "a reserve lieutenant from X": a calling or a title from a name
    names a place, whatever the model tagged it; a body's initials stay a body's."""
    doc = extract(
        '"They fired without warning," said Mr Thabo Ngema, a teacher from Ezakheni, who was '
        "hit in the arm. A reserve lieutenant from Tikhoretsk, called up in the second week "
        "of January, was killed. A journalist from the BBC saw it."
    )
    found = labels(doc)
    assert found.get("Ezakheni") == "Place" and found.get("Tikhoretsk") == "Place", found
    assert found.get("BBC") != "Place", found


def test_a_personal_name_is_no_example_of_a_force(extract) -> None:  # type: ignore[no-untyped-def]
    """ "commanders of the formations, including X": the parse hangs the name on the force,
    but a given name and a surname of a known shape are a person's; a unit's name stays a
    force."""
    doc = extract(
        "Prosecutors charged commanders of the rebel armed formations, including Arsen "
        "Galstyan and Tigran Mkrtchyan. Units of the army, including the Taman Division, "
        "entered the city."
    )
    found = labels(doc)
    assert found.get("Arsen Galstyan") == "Person", found
    assert found.get("Taman Division") == "MilitaryForce", found


def test_who_an_order_came_from_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    # "came from" names a source as often as a place: only verbs of leaving lead from one
    doc = extract(
        "The order to fire came from Hadrian Kellerman, the commander said. The instruction "
        "came from Brightwater Holdings."
    )
    found = labels(doc)
    assert found.get("Hadrian Kellerman") == "Person", found
    assert found.get("Brightwater Holdings") == "Organization", found


def test_quays_dams_and_jails_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 31 August the police charged the crowd on Eden Quay and outside the Corporation "
        "Buildings. The prisoners were taken to the county jail near the Kelan dam."
    )
    found = labels(doc)
    for place in ("Eden Quay", "Corporation Buildings", "county jail", "Kelan dam"):
        assert found.get(place) == "Place", found


def test_an_untagged_name_in_a_list_of_people(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Five of our fellow workers are known dead: Felix Baran, Hugo Gerlot, Gustav "
        "Johnson, John Looney and Abraham Rabinowitz."
    )
    found = labels(doc)
    assert found.get("Hugo Gerlot") == "Person", found


def test_the_people_of_a_place_is_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1993 the population of Jabrayil was expelled. The people of Lankaran will never "
        "forget it. Most people stayed indoors. Thousands were treated at the Wakefield "
        "infirmary."
    )
    found = labels(doc)
    assert found.get("population of Jabrayil") == "Group", found
    assert found.get("people of Lankaran") == "Group", found
    assert found.get("Wakefield infirmary") == "Place", found
    assert not any(label.lower() in {"people", "most people"} for label in found), found


def test_a_state_inside_a_body_name_that_goes_on_is_no_mention(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In January 1990 the USSR Ministry of Internal Affairs sent troops to Ravna. The "
        "Presidium of the USSR Supreme Soviet declared a state of emergency. The USSR "
        "collapsed in 1991."
    )
    found = labels(doc)
    assert found.get("USSR Ministry of Internal Affairs") == "Organization", found
    # words of the bodies' names; the last sentence names the state
    assert mentions_of(doc, "Soviet Union") == ["USSR"], mentions_of(doc, "Soviet Union")


def test_bodies_of_two_places_are_two_entities(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1990 the Supreme Soviet of Lithuania declared independence. "
        "A month later the Supreme Soviet of Latvia followed."
    )
    found = labels(doc)
    assert found.get("Supreme Soviet of Lithuania") == "Legislature", found
    assert found.get("Supreme Soviet of Latvia") == "Legislature", found
    assert "Lithuania" in found and "Latvia" in found, found


def test_country_names_sources_use_and_conjoined_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1992 exiles in Paris, Lyon and Marseille protested. "
        "Drones bought from Turkey were used, and Russia objected. "
        "Baku was then the capital of the Azerbaijan Soviet Socialist Republic."
    )
    found = labels(doc)
    assert found.get("Marseille") == "Place", found  # a conjunct of "in Paris"
    assert found.get("Türkiye") == "State" and found.get("Russia") == "State", found
    assert found.get("Azerbaijan") == "State" and "Socialist Republic" not in found, found


def test_no_name_ends_with_a_function_word(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 1990 Gorbachev blamed the leaders of the Popular Front for the bloodshed."
    )
    names = {e.label for e in doc.entities.values()}
    assert not any(n.split()[-1] in {"for", "of", "the", "and"} for n in names), names


def test_a_surname_of_a_known_shape_makes_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Talekh Ismailov" as a place
    doc = extract(
        "In October 1988 the court, sitting in Moscow, sentenced Talekh Ismailov to prison."
    )
    assert labels(doc).get("Talekh Ismailov") == "Person", labels(doc)


def test_the_people_of_one_place_and_activists(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 2023 Karabakh Armenians left for Yerevan while Azerbaijani activists blocked the road."
    )
    found = labels(doc)
    assert found.get("Karabakh Armenians") == "Group", found
    assert "Armenian people" not in found, found  # the people of one place, not the nation
    assert found.get("Azerbaijani activists") == "Group", found


def test_bodies_of_1918_the_model_takes_for_places_are_known_bodies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "By April the Bolsheviks held the city. The Baku Commune nationalised the oil "
        "industry, and the Bolsheviks condemned the killings."
    )
    found = labels(doc)
    assert found.get("Bolsheviks") == "Organization", found
    assert found.get("Baku Commune") == "Organization", found


def test_a_known_body_whose_name_has_a_comma_is_named_whole(extract) -> None:  # type: ignore[no-untyped-def]
    # the model ends the name at its comma, "State Commission on Prisoners of War"
    doc = extract(
        "According to the State Commission on Prisoners of War, Hostages and Missing Persons, "
        "3,890 citizens are still missing."
    )
    full = "State Commission on Prisoners of War, Hostages and Missing Persons"
    assert labels(doc).get(full) == "Organization", labels(doc)
    assert not any(label.endswith("of War") for label in labels(doc)), labels(doc)


def _referred_to_once(doc, label: str, cls: str, quote: str) -> None:  # type: ignore[no-untyped-def]
    """``label`` is an entity of class ``cls`` that the text refers to once, by ``quote``,
    a phrase that refers and gives it no name (no alias)."""
    found = labels(doc)
    assert found.get(label) == cls, found
    assert mentions_of(doc, label) == [quote]
    [entity] = [e for e in doc.entities.values() if e.label == label]
    assert not entity.aliases


def test_the_state_named_by_its_nations_adjective(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1944 the deportations were ordered by the Hungarian state. The state of "
        "emergency lasted a year, and a new Hungarian state rose in 1990."
    )
    _referred_to_once(doc, "Hungary", "State", "Hungarian state")


def test_the_capital_named_by_its_country_adjective(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1956 students marched through the Hungarian capital. "
        "Two years later Estonia was quiet, but unrest reached the capital in 1959."
    )
    _referred_to_once(doc, "Budapest", "Place", "Hungarian capital")
    assert labels(doc).get("Tallinn") == "Place", labels(doc)


def test_a_site_named_before_its_head_word_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Crowds gathered at the Regional Assembly building and later at the Ravna cemetery, "
        "while the bells of Ostrava Cathedral rang. They marched on to the Moldavian city of Ungheni."
    )
    found = labels(doc)
    assert found.get("Regional Assembly building") == "Place", found
    assert found.get("Ostrava Cathedral") == "Place", found
    assert "Moldavian city" not in found, found  # a nationality adjective names no site


def test_romanian_surnames_make_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In 1989 the regime of Nicolae Ceaușescu fell. Ceaușescu fled by helicopter.")
    found = labels(doc)
    assert found.get("Nicolae Ceaușescu") == "Person", found
    assert mentions_of(doc, "Nicolae Ceaușescu") == ["Nicolae Ceaușescu", "Ceaușescu"]


def test_the_city_is_the_settlement_the_text_is_about(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Riots broke out in Ostrava, an industrial town near Kaunas, in May 1961. "
        "Ostrava had grown fast. On 3 May 1961 crowds gathered on Freedom Square to protest. "
        "Two days later Soviet troops stormed the town."
    )
    places = event_places(doc)
    assert places["Protest"] == "Freedom Square", places
    assert places["MilitaryOperation"] == "Ostrava", places
    assert mentions_of(doc, "Ostrava")[-1] == "town"
    [ostrava] = [e for e in doc.entities.values() if e.label == "Ostrava"]
    assert "town" not in ostrava.aliases


def test_the_capital_is_the_capital_just_named(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 December a rally in Bucharest turned into a protest. Hungary condemned the "
        "shootings the next day. The protest spread through the capital."
    )
    assert mentions_of(doc, "Bucharest") == ["Bucharest", "capital"]
    assert "Budapest" not in labels(doc)


def test_a_day_the_model_left_out_of_a_date_is_no_part_of_a_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("From 22 December Ostland troops fought rebels in the hills.")
    assert "Ostland troops" in labels(doc), labels(doc)


def test_a_site_described_where_something_happened_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 12 May 1962 armed men stormed the city prison in Ostrava and later gathered "
        "outside the regional administration building. Kaunas's only airport closed, and "
        "troops moved into the breakaway region."
    )
    found = labels(doc)
    assert found.get("regional administration building") == "Place", found
    assert found.get("city prison") == "Place", found
    assert not {"only airport", "'s only airport", "breakaway region"} & set(found), found


def test_a_site_described_in_a_list_with_another_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Workers came straight from their shifts at the power station and the cable plant. "
        "The rebels seized the town hall and the central market."
    )
    found = labels(doc)
    assert found.get("cable plant") == "Place", found
    assert found.get("central market") == "Place", found


def test_bodies_people_and_sites_by_their_head_words(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1962 the Ostland ombudsman spoke to Moldavian lawyers and to Kaunas newspapers "
        "at the Permanent Representation of Moldavia in Kaunas. Ostland officers denied it."
    )
    found = labels(doc)
    assert found.get("Ostland ombudsman") == "Person", found
    assert found.get("Moldavian lawyers") == "Group", found
    assert found.get("Kaunas newspapers") == "Organization", found
    assert found.get("Permanent Representation of Moldavia") == "Place", found
    assert "Ostland officers" not in found, found  # several officers are no person


def test_a_dateline_byline_is_no_entity_and_the_village_of_x_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "KAPAN, February 26, 2024 (Ostland Press Agency) — Thousands marched today. In 1992 "
        "many of them were ambushed near the village of Nakhchivanik and shot dead."
    )
    found = labels(doc)
    assert not any("Agency" in label for label in found), found
    assert found.get("Nakhchivanik") == "Place", found


def test_the_army_is_the_force_named_army(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1971 the Ostland Army reached Ravna. Police units and border guards joined them. "
        "The army used excessive force against the crowd."
    )
    assert mentions_of(doc, "Ostland Army")[-1] == "army"
    assert not any(e.label == "excessive force" for e in doc.entities.values())
    assert not any("force" in a for e in doc.entities.values() for a in e.aliases)


def test_names_leave_out_counts_possessive_marks_and_glosses(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Roughly 120,000 residents fled Ravna. Mobs attacked the city's Moldavian residents. "
        "Every year people walk to Martyrs' Lane (Şəhidlər Xiyabanı) in Baku."
    )
    found = labels(doc)
    assert found.get("residents") == "Group" and found.get("Moldavian residents") == "Group"
    assert not any(k[:1] in "'r" and k != "residents" for k in found), found
    assert found.get("Alley of Martyrs") == "Place" and not any("(" in k for k in found), found


def test_formations_and_supreme_assemblies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1991 Ivan Petrov chaired the Supreme Assembly of the Ravna Autonomous Republic. "
        "In 1992 illegal Ostland armed formations shelled the town."
    )
    found = labels(doc)
    assert found.get("Supreme Assembly of the Ravna Autonomous Republic") == "Legislature", found
    assert any(v == "MilitaryForce" and "formations" in k for k, v in found.items()), found


def test_a_body_its_owner_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1990 the military commandant's office imposed a curfew in Ravna. The country's "
        "leadership said nothing. Moldavia's army stayed in its barracks."
    )
    found = labels(doc)
    assert found.get("military commandant's office") == "Organization", found
    assert not any(k.startswith(("country's", "Moldavia's")) for k in found), found
    assert found.get("Moldavia") is not None  # the country keeps its own mention


def test_most_residents_are_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Most residents heard the decree only at dawn. Several residents told us they "
        "believed it. Many Moldavian residents fled."
    )
    assert labels(doc) == {"Moldavian residents": "Group"}, labels(doc)


def test_an_office_is_held_by_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 January 1990 the deputies heard a report by the Minister of Health of the "
        "republic. Speaker of the Milli Majlis Sahiba Gafarova condemned the massacre."
    )
    found = labels(doc)
    assert found.get("Minister of Health") == "Person", found
    assert found.get("Sahiba Gafarova") == "Person", found
    assert found.get("Milli Majlis") == "Legislature", found


def test_a_region_named_with_a_compass_word_is_a_place_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Soldiers fired on marchers in Derry, Northern Ireland, on 30 January 1972. Later "
        "the troops left Western Azerbaijan, and he fled to West Germany."
    )
    found = labels(doc)
    assert found.get("Northern Ireland") == "Place", found
    assert "Ireland" not in found
    assert found.get("Western Azerbaijan") == "Place", found
    assert found.get("West Germany") == "State", found


def test_the_noun_that_describes_a_name_is_no_body_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    found = labels(extract("The Russian human rights group Dignity counted 200 bodies."))
    assert found.get("Dignity") == "Organization", found
    assert len(found) == 1, found  # not "Russian human rights group" beside it


def test_a_force_is_what_the_words_beside_its_name_say(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 17 May the Sigurimi (the political police) and army units fired on the crowd."
    )
    found = labels(doc)
    # a collective noun set beside a name in a list says what the name is ("police" has no
    # plural of its own)
    assert found.get("Sigurimi") == "MilitaryForce", found
    # ... and the army units named with it are another force, though the text names no other
    assert found.get("army units") == "MilitaryForce", found
    doc = extract(
        "The attackers were the Lobos, a paramilitary group that the ministry had trained."
    )
    found = labels(doc)
    # a description in apposition to a name is the name's, no force of its own
    assert found.get("Lobos") == "MilitaryForce", found  # ("paramilitary group": the lexicon)
    assert mentions_of(doc, "Lobos") == ["Lobos", "paramilitary group"]


def test_people_the_parse_sets_beside_one_singular_name_are_not_its_class(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The defenders of Karvend, the volunteers of the district battalion and the border "
        "guards, did not allow the enemy to advance."
    )
    found = labels(doc)
    assert found.get("Karvend") != "Group", found  # a village, whatever the model says
    assert found.get("volunteers") == "Group", found


def test_a_place_named_new_after_another_is_a_place_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The sheriff put the strikers on a train bound for New Mexico.")
    found = labels(doc)
    assert found.get("New Mexico") == "Place", found
    assert "Mexico" not in found, found


def test_names_the_model_left_untyped(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 May 1971 the Prime Minister asked the Chief Justice, Lord Wilbury, to "
        "investigate. Soldiers were sent into the Ravnaside, and the marchers turned towards "
        "Free Ravna Corner. The Ostland Civil Rights Association protested in Northern Ostland."
    )
    found = labels(doc)
    assert found.get("Lord Wilbury") == "Person", found
    assert "Chief Justice" not in found
    assert found.get("Ravnaside") == "Place", found
    assert found.get("Free Ravna Corner") == "Place", found


def test_a_force_of_its_own_kind_is_not_any_force_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 1 May 1971 Ravnian troops crossed into Ostland. Kaunas National Guardsmen fired "
        "into a crowd of students on 4 May. The governor then ordered the Guard onto the "
        "campus, and police said they had arrested 50 people."
    )
    forces = {
        e.label: sorted(e.aliases) for e in doc.entities.values() if e.cls == HG.MilitaryForce
    }
    assert "Guard" in forces.get("Kaunas National Guardsmen", []), forces
    assert "police" not in forces.get("Ravnian troops", []), forces


def test_a_force_a_body_names_and_a_month_before_a_head_word(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Shortly after midnight, army and Interior Ministry troops moved into Kaunas. In "
        "Ravna, tanks, backed by a KGB special unit, stormed the television tower. During "
        "the night of 19 to 20 January units of the Ostland army entered the city."
    )
    found = labels(doc)
    assert found.get("Interior Ministry troops") == "MilitaryForce", found
    assert found.get("KGB special unit") == "MilitaryForce", found
    assert not any("January" in label for label in found), found


def test_bodies_and_offices_of_a_named_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 September 2023 the Ministry of Defence announced the operation. Russia's "
        "defence ministry said six of its peacekeepers were killed. Later Azerbaijan's "
        "Ministry of Defence reported that 192 servicemen had died. Karabakh's human rights "
        "ombudsman said 200 people had died. In May the Oliy Majlis, Uzbekistan's "
        "parliament, created a commission."
    )
    found = labels(doc)
    bodies = sorted(label for label, cls in found.items() if "inistry" in label)
    assert bodies == [
        "Ministry of Defence of Azerbaijan",
        "defence ministry of Russia",
    ], found
    assert found.get("human rights ombudsman of Karabakh") == "Person", found
    assert [label for label, cls in found.items() if cls == "Legislature"] == ["Oliy Majlis"], found
    assert found.get("Russia") == "State" and found.get("Azerbaijan") == "State"


def test_a_religious_title_before_a_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Patriarch Ilia II later led a requiem service at the Ravna church.")
    found = labels(doc)
    assert any(cls == "Person" and "Ilia II" in label for label, cls in found.items()), found


def test_a_force_beside_another_is_not_that_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1971 the Ravnian army and internal troops entered Ostgrad, and the troops "
        "opened fire on the crowd."
    )
    forces = {
        e.label: sorted(e.aliases) for e in doc.entities.values() if e.cls == HG.MilitaryForce
    }
    assert "internal troops" in forces, forces
    assert "internal troops" not in forces.get("Ravnian army", []), forces


def test_one_unnamed_person_the_text_singles_out(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1971 troops fired on a crowd in Ostgrad. A retired teacher said the soldiers "
        "shot without warning, and a hospital spokesman said 40 survivors were treated. "
        "Marta Kell, a nurse from the suburbs, was among them."
    )
    people = labels(doc)
    assert people.get("retired teacher") == "Person", people
    assert people.get("hospital spokesman") == "Person", people
    assert people.get("survivors") == "Group", people
    assert "nurse" not in people, people


def test_a_name_defined_as_an_event_is_no_actor(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Jeltoqsan was a wave of protests by students in Alma-Ata in December 1986. "
        "Kazakhs later remembered Jeltoqsan every year, and Nursultan Nazarbayev spoke."
    )
    found = labels(doc)
    assert "Jeltoqsan" not in found, found
    assert found.get("Almaty") == "Place", found
    assert found.get("Kazakhs") == "Group", found
    assert found.get("Nursultan Nazarbayev") == "Person", found
    assert not any(e.cls == HG.Place and "Nursultan" in e.aliases for e in doc.entities.values())


def test_sites_named_by_what_they_house(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 January 1990 troops blew up the power unit of the television centre, and a "
        "crowd gathered outside the fuel depot and the Orlando West High School."
    )
    found = labels(doc)
    assert found.get("television centre") == "Place", found
    assert found.get("fuel depot") == "Place", found


def test_a_head_of_state_named_after_the_state_and_soviet_era_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A letter came from President of the Republic of Türkiye Recep Tayyip Erdoğan. In 1990 "
        "Armenians were evacuated by ferry to Krasnovodsk in Turkmenia."
    )
    found = labels(doc)
    assert found.get("Recep Tayyip Erdoğan") == "Person", found
    assert "President" not in found, found
    assert found.get("Turkmenistan") == "State", found
    assert found.get("Türkmenbaşy") == "Place", found


def test_a_street_named_after_a_city_is_not_the_city(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 20 January 1990 troops fired on people on Tbilisi Avenue in Baku.")
    found = labels(doc)
    assert found.get("Tbilisi Avenue") == "Place", found
    assert "Tbilisi" not in found, found


def test_commissions_terms_of_the_lexicon_and_sites_near_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1989 the Sobchak commission blamed the military command. On 27 September 2020 "
        "shelling continued along the line of contact, and on 25 September 2023 an explosion "
        "at a fuel depot near Stepanakert killed 170 people."
    )
    found = labels(doc)
    assert found.get("Sobchak commission") == "Organization", found
    assert found.get("line of contact") == "Place", found
    assert found.get("fuel depot near Stepanakert") == "Place", found


def test_a_site_that_was_blown_up(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 19 January 1990 the television centre was blown up.")
    assert labels(doc).get("television centre") == "Place", labels(doc)


def test_title_words_come_from_the_lexicon(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A title a user adds with ``hg:titleWord`` leaves the person's name, no code edit."""
    text = (
        "In 1919 Ataman Grigory Semyonov ordered the raids. Commissar Lev Mekhlis arrived in Kerch."
    )
    onto = ontology_copy

    def people() -> set[str]:
        (doc,) = extract_with(nlp, onto, [text])
        return {k for k, v in labels(doc).items() if v == "Person"}

    assert people() == {"Ataman Grigory Semyonov", "Commissar Lev Mekhlis"}
    extend_ontology(onto, "titles", 'hg:Person hg:titleWord "ataman", "commissar" .\n')
    assert people() == {"Grigory Semyonov", "Lev Mekhlis"}


def test_place_and_person_cues_come_from_the_lexicon(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """Words a user adds with ``hg:entryVerb``, ``hg:settlementNoun``, ``hg:kinNoun`` and
    ``hg:kinGroupNoun`` make a name a place's, a person's or a group's by where it stands, no
    code edit."""
    texts = (
        "Soldiers garrisoned Wat Arun. Tofig's godfather was there.",
        "Soldiers burned the kishlak of Tokmok-Sai in 1931.",
        "The cousins of the victims gathered at the gate.",
    )
    onto = ontology_copy

    def found() -> dict[str, str]:
        names: dict[str, str] = {}
        for doc in extract_with(nlp, onto, texts):
            names.update(labels(doc))
        wanted = {"Wat Arun", "Tofig", "Tokmok-Sai", "cousins of the victims"}
        return {k: v for k, v in names.items() if k in wanted}

    before = found()
    assert before.get("Wat Arun") != "Place" and before.get("Tofig") != "Person", before
    assert before.get("Tokmok-Sai") != "Place", before
    assert "cousins of the victims" not in before, before
    extend_ontology(
        onto,
        "cues",
        'hg:Place hg:entryVerb "garrison" ; hg:settlementNoun "kishlak" .\n'
        'hg:Person hg:kinNoun "godfather" .\n'
        'hg:Group hg:kinGroupNoun "cousins" .\n',
    )
    assert found() == {
        "Wat Arun": "Place",
        "Tofig": "Person",
        "Tokmok-Sai": "Place",
        "cousins of the victims": "Group",
    }


def test_a_quantifier_before_informants_still_names_a_group(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """ "Many historians", "some witnesses": people whose accounts the text reports are the
    group it cites, where "most residents" are only some of a people; the words are the
    lexicon's ``hg:informantNoun``, so a user's new word works the same way."""
    texts = (
        "Most residents stayed indoors. Many historians put the toll far higher, and some "
        "witnesses said the firing lasted an hour. Some archivists doubt the count.",
    )
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Group hg:headWord "archivists" .\n')
    before = mention_labels(extract_with(nlp, onto, texts), with_class=True)
    assert before.get("historians") == "historians (Group)", before  # ("Many" is no name)
    assert before.get("witnesses") == "witnesses (Group)", before
    assert not any("residents" in quote for quote in before), before
    assert not any("archivists" in quote for quote in before), before
    extend_ontology(onto, "informants", 'hg:Group hg:informantNoun "archivists" .\n')
    after = mention_labels(extract_with(nlp, onto, texts), with_class=True)
    assert after.get("archivists") == "archivists (Group)", after
    assert not any("residents" in quote for quote in after), after


def test_group_site_and_ruler_cues_come_from_the_lexicon(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """Words a user adds with ``hg:protesterNoun``, ``hg:rulerNoun``, ``hg:buildingNoun``,
    ``hg:vagueSiteNoun``, ``hg:genericGroupNoun``, ``hg:seriesNoun``, ``hg:countryNoun`` and
    ``hg:peopleNoun`` change what "the crowd", "the junta", "the tower", "the square", "the
    residents", "a string of bombings", "the homeland's army" and "the civilian folk" stand
    for, no code edit."""
    texts = (
        "Picketers gathered at the gate of the Putilov works. Soldiers fired into the crowd.",
        "The Soviet leadership sent troops. The junta denied it.",
        "Students occupied the Ostankino Television Centre. Troops stormed the tower at dawn.",
        "Police fired on the demonstrators in the square.",
        "The residents gathered at the mill.",
        "The Troubles were a string of bombings.",
        "The homeland's army crossed the river.",
        "The civilian folk of the valley fled.",
    )
    onto = ontology_copy
    extend_ontology(
        onto, "heads", 'hg:Group hg:headWord "picketers" . hg:Organization hg:headWord "junta" .\n'
    )

    def found() -> dict[str, str]:
        """Each mention's text and the label and class of its entity."""
        return mention_labels(extract_with(nlp, onto, texts), with_class=True)

    before = found()
    assert before["crowd"] == "crowd (Group)", before
    assert "junta" not in before, before  # no body named with "junta" before it
    assert before["tower"] == "tower (Place)", before
    assert before["square"] == "square (Place)", before
    assert before["residents"] == "residents (Group)", before
    assert before["Troubles"] == "Troubles (Organization)", before
    assert before["The homeland's army"] == "homeland's army (MilitaryForce)", before
    assert "civilian" not in before, before  # a civilian thing, no people
    extend_ontology(
        onto,
        "cues",
        'hg:Group hg:protesterNoun "picketers" ; hg:genericGroupNoun "resident" .\n'
        'hg:Organization hg:rulerNoun "junta" .\n'
        'hg:Place hg:buildingNoun "tower" ; hg:vagueSiteNoun "square" .\n'
        'hg:Event hg:seriesNoun "string" .\n'
        'hg:State hg:countryNoun "homeland" .\n'
        'hg:Group hg:peopleNoun "folk" .\n',
    )
    after = found()
    assert after["crowd"] == "Picketers (Group)", after
    assert after["junta"] == "Soviet leadership (Organization)", after
    assert after["tower"] == "Ostankino Television Centre (Place)", after
    assert "square" not in after and "residents" not in after and "Troubles" not in after, after
    assert after["army"] == "army (MilitaryForce)", after  # a country's army: no name of its own
    assert after["civilian"] == "civilians (Group)", after


def test_bodies_of_the_story_come_from_the_lexicon(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A body's word a user adds with ``hg:storyBodyNoun`` makes "the junta" alone a body of
    its own, and one taken out of the list ("commission") names none, no code edit."""
    texts = (
        "Soldiers fired on the crowd in Ostburg. The junta declared martial law, and the "
        "commission found that 40 people had died.",
    )
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Organization hg:headWord "junta" .\n')

    def found() -> dict[str, str]:
        """Each mention's text and the label and class of its entity."""
        return mention_labels(extract_with(nlp, onto, texts), with_class=True)

    before = found()
    assert "junta" not in before, before
    assert before["commission"] == "commission (Organization)", before
    lexicon = onto / "lexicon.ttl"
    text = lexicon.read_text(encoding="utf-8")
    assert '"commission", "committee"' in text
    lexicon.write_text(text.replace('"commission", "committee"', '"committee"'), encoding="utf-8")
    extend_ontology(onto, "bodies", 'hg:Organization hg:storyBodyNoun "junta" .\n')
    after = found()
    assert after["junta"] == "junta (Organization)", after
    assert "commission" not in after, after


def test_site_synonyms_and_area_head_words_come_from_the_lexicon(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """Site nouns a user lists together with ``hg:siteSynonyms`` refer back to one another
    ("the Tarlan Mosque ... the temple"), and a head word added with ``hg:areaHeadWord``
    leaves the known place before it a place of its own ("Baku Bay"), no code edit."""
    texts = (
        "Mourners gathered at the Tarlan Memorial. Police surrounded the monument.",
        "Worshippers gathered at the Tarlan Mosque. Police surrounded the temple.",
        "Ships sank in Baku Bay.",
    )
    onto = ontology_copy

    def found() -> dict[str, str]:
        """Each mention's text and the label of its entity."""
        return mention_labels(extract_with(nlp, onto, texts))

    before = found()
    assert before["monument"] == "Tarlan Memorial", before  # the lexicon's own synonyms
    assert before["temple"] == "temple", before
    assert "Baku" not in before and before["Baku Bay"] == "Baku Bay", before
    extend_ontology(
        onto, "sites", 'hg:Place hg:siteSynonyms "mosque temple" ; hg:areaHeadWord "bay" .\n'
    )
    after = found()
    assert after["monument"] == "Tarlan Memorial", after
    assert after["temple"] == "Tarlan Mosque", after
    assert after["Baku"] == "Baku" and after["Baku Bay"] == "Baku Bay", after


def test_a_university_or_a_college_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    """Named universities and colleges are sites (the model tags them as bodies)."""
    doc = extract(
        "Doran State University closed for six weeks after the shooting. Students of Kessel "
        "College marched to the State House."
    )
    assert {k: v for k, v in labels(doc).items() if k.endswith(("University", "College"))} == {
        "Doran State University": "Place",
        "Kessel College": "Place",
    }


def test_a_hill_or_a_mountain_in_apposition_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April the rebels held Karadagh, a mountain above the town, and Zolotaya, a hill."
    )
    assert {k: v for k, v in labels(doc).items() if k in {"Karadagh", "Zolotaya"}} == {
        "Karadagh": "Place",
        "Zolotaya": "Place",
    }


def test_forces_listed_after_a_participle(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 August 1968 Soviet troops crossed the borders, joined by Polish troops, "
        "Hungarian divisions and a small Bulgarian contingent."
    )
    forces = {k for k, v in labels(doc).items() if v == "MilitaryForce"}
    assert {"Polish troops", "Hungarian divisions"} <= forces
    assert any(f.endswith("Bulgarian contingent") for f in forces)


def test_peoples_and_places_named_together(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The clashes were a wave of violence between ethnic Kyrgyz and ethnic Uzbeks in the "
        "southern cities of Osh and Jalal-Abad in June 2010. Three quarters of the dead were "
        "Uzbeks."
    )
    found = labels(doc)
    assert (found.get("Kyrgyz"), found.get("Uzbeks")) == ("Group", "Group")
    assert (found.get("Osh"), found.get("Jalal-Abad")) == ("Place", "Place")
    assert "Osh and Jalal-Abad" not in found


def test_a_body_named_without_its_country_is_the_same_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 2010 the Kyrgyzstan Inquiry Commission counted 470 killed in Osh. The Inquiry "
        "Commission, an international panel, was set up in July."
    )
    bodies = [e for e in doc.entities.values() if e.cls == HG.Organization]
    assert [b.label for b in bodies] == ["Kyrgyzstan Inquiry Commission"]


def test_a_hyphenated_town_and_a_place_things_spread_to(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In June 2010 the fighting spread to Jalal-Abad and the nearby town of Bazar-Korgon."
    )
    found = labels(doc)
    assert (found.get("Jalal-Abad"), found.get("Bazar-Korgon")) == ("Place", "Place")


def test_a_body_by_the_last_word_of_its_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 February 2014 the Verkhovna Rada passed a resolution. Two days later the Rada "
        "voted to remove the president."
    )
    assert [e.label for e in doc.entities.values() if e.cls == HG.Legislature] == ["Verkhovna Rada"]


def test_an_unknown_name_before_a_force_word_names_the_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 18 February 2014 the Berkut riot police stormed the square. Protesters were met "
        "with gunfire from Berkut officers."
    )
    found = labels(doc)
    assert found.get("Berkut riot police") == "MilitaryForce"
    assert "Berkut" not in found
    assert "Berkut" in mentions_of(doc, "Berkut riot police")


def test_a_name_and_a_small_word_are_no_glued_alias(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Azerbaijan is celebrating Victory Day today. The Republic of Azerbaijan and Nagorno "
        "Karabakh were at war in 1992."
    )
    assert sorted(labels(doc).items()) == [("Azerbaijan", "State"), ("Nagorno-Karabakh", "Place")]


def test_a_presidium_of_a_supreme_soviet_is_one_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 1 March 1988 the Presidium of the Supreme Soviet of the Azerbaijan SSR condemned "
        "the crimes committed in Sumgait. Two days later the Presidium of the USSR Supreme "
        "Soviet called for restraint."
    )
    bodies = sorted(e.label for e in doc.entities.values() if e.cls == HG.Legislature)
    assert bodies == [
        "Presidium of the Supreme Soviet of Azerbaijan",  # (the state's label: see above)
        "Presidium of the USSR Supreme Soviet",
    ]


def test_a_body_of_a_body_ends_before_a_clause_on_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The state of emergency was imposed by a decree of the Presidium of the USSR Supreme "
        "Soviet, which President Mikhail Gorbachev signed on Friday evening."
    )
    assert labels(doc).get("Presidium of the USSR Supreme Soviet") == "Legislature"
    assert labels(doc).get("Mikhail Gorbachev") == "Person"


def test_congress_is_a_legislature_and_a_national_congress_a_party(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 18 April 1864 both houses of Congress adopted a joint resolution. In Johannesburg "
        "the African National Congress called a strike."
    )
    assert labels(doc).get("Congress") == "Legislature"
    assert labels(doc).get("African National Congress") == "Organization"


def test_eyewitnesses_insurgents_and_strikebreakers_are_groups(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Eyewitnesses said the strikebreakers had been brought in by train. The troops claimed "
        "that insurgents had fired from the windows."
    )
    groups = {e.label.lower() for e in doc.entities.values() if e.cls == HG.Group}
    assert {"eyewitnesses", "strikebreakers", "insurgents"} <= groups


def test_leaders_defenders_and_defendants_are_groups(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Local leaders met the defenders of the town. The defendants denied the charges, and "
        "foreign correspondents were barred from the court."
    )
    groups = {e.label.lower() for e in doc.entities.values() if e.cls == HG.Group}
    assert {"local leaders", "defendants"} <= groups
    assert any("defenders" in g for g in groups)
    assert any("correspondents" in g for g in groups)


def test_mills_hotels_and_convents_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The strikers marched from the Everett mill to the Avalon hotel, where shots were "
        "fired, and later gathered at the El Mozote convent."
    )
    places = {e.label for e in doc.entities.values() if e.cls == HG.Place}
    assert {"Everett mill", "Avalon hotel"} <= places
    assert any("convent" in p for p in places)


def test_irregulars_patrols_and_guards_are_forces(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Ottoman irregulars burned the village. A military patrol fired on the crowd, and "
        "reinforcements arrived from the capital."
    )
    forces = {e.label.lower() for e in doc.entities.values() if e.cls == HG.MilitaryForce}
    assert "ottoman irregulars" in forces
    assert any("patrol" in f for f in forces)


def test_an_authority_a_radio_and_a_jury_are_bodies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "According to the Lachin district executive authority, 264 residents were killed. "
        "Moscow radio said the city was calm. A grand jury in Helena indicted 122 men."
    )
    bodies = {e.label.lower() for e in doc.entities.values() if e.cls == HG.Organization}
    assert any("executive authority" in b for b in bodies)
    assert any("radio" in b for b in bodies)
    assert any("jury" in b for b in bodies)


def test_a_newspaper_named_by_its_kind(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The report appeared in the Rhondda Valley Herald on 12 November 1910.")
    assert labels(doc).get("Rhondda Valley Herald") == "Organization"


def test_a_parliament_known_by_its_own_name_is_a_legislature(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In the Riksdag, Social Democratic members condemned the shooting at Lunde.")
    assert labels(doc).get("Riksdag") == "Legislature"


def test_names_with_a_plural_appositive_and_a_union_named_by_its_members(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "That night the police arrested Joseph J. Ettor and Arturo Giovannitti, the Industrial "
        "Workers of the World organizers."
    )
    assert labels(doc).get("Joseph Ettor") == "Person"  # (labelled without the initial)
    assert labels(doc).get("Industrial Workers of the World") == "Organization"


def test_a_title_and_a_surname_tagged_as_a_body_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Governor Kellogg called upon General Emory for troops on Monday. The General Staff "
        "met in Ankara. Hospital sources in King William's Town said 60 were hurt."
    )
    found = labels(doc)
    assert found.get("Emory") == "Person"
    assert found.get("General Staff") == "Organization"
    assert "William" not in found


def test_a_days_name_is_no_place_or_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On Easter Sunday, the 13th instant, a force of armed white men attacked Colfax. The "
        "dead of Bloody Sunday were buried in Dublin."
    )
    found = labels(doc)
    assert "Easter Sunday" not in found and "Bloody Sunday" not in found
    assert found.get("Dublin") == "Place"


def test_a_name_after_the_noun_that_says_what_it_is(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May the informal Kyrgyz association Osh Aimagy demanded land. The trouble had been "
        "stirred up by the newspaper Bessarabetz. The colonel came from Grant Parish."
    )
    found = labels(doc)
    assert found.get("Osh Aimagy") == "Organization"
    assert found.get("Bessarabetz") == "Organization"
    assert found.get("Grant Parish") == "Place"


def test_a_name_set_beside_a_calling_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Mamadou Ndiaye, a historian at Cheikh Anta Diop University, believes that the toll "
        "was higher. On the second floor M. Bréval, a leather-worker, was bayoneted."
    )
    people = {e.label for e in doc.entities.values() if e.cls == HG.Person}
    assert any("Ndiaye" in label for label in people)
    assert any("Bréval" in label for label in people)


def test_a_full_name_the_parse_lists_with_places_stays_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Between 20 May and 3 June 1992 two observers of the Memorial Human Rights Centre, "
        "Andrei Kuznetsov and Irina Belova, travelled to Stepanakert and Shusha in "
        "Nagorno-Karabakh."
    )
    assert labels(doc).get("Andrei Kuznetsov") == "Person"
    assert labels(doc).get("Shusha") == "Place"


def test_a_body_named_as_the_owner_of_something(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Indonesian government's first response was to deny the killings. The Polish "
        "People's Republic's press kept silent."
    )
    found = labels(doc)
    assert found.get("Indonesian government") == "Organization"
    assert "Polish People" not in found


def test_a_body_named_by_its_kind_alone(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A state commission concluded in 2001 that 75 people had died. The strike committee "
        "called a general strike. The ceasefire regime was violated. The committee met again."
    )
    found = labels(doc)
    assert found.get("state commission") == "Organization"
    assert found.get("strike committee") == "Organization"
    assert not any("regime" in label for label in found)
    assert "committee" not in found  # no kind: "the committee" refers back or names no body


def test_the_people_of_a_name_the_model_mistook(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Lord Widgery has ignored the people of Derry, a spokesman said. After the people of "
        "Amritsar had observed a peaceful hartal, the officials acted."
    )
    found = labels(doc)
    assert found.get("Derry") == "Place" and found.get("Amritsar") == "Place"
    assert found.get("people of Derry") == "Group"


def test_a_place_named_by_its_kind_first_or_by_a_side_of_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The restrictions on access to Mount Halla were lifted in 1954. Warriors were raiding "
        "south of Gumbinnen. The Border Police fired on the villagers."
    )
    found = labels(doc)
    assert found.get("Mount Halla") == "Place"
    assert found.get("Gumbinnen") == "Place"
    assert found.get("Border Police") != "Place"


def test_a_name_after_a_possessive_and_a_noun_of_kin(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "My husband Mahmud kept sheep. My father-in-law Rasul was killed in the yard. The "
        "Phelps Dodge Corporation owned the mines."
    )
    found = labels(doc)
    assert found.get("Mahmud") == "Person" and found.get("Rasul") == "Person"
    assert found.get("Phelps Dodge Corporation") == "Organization"


def test_a_personal_name_after_by_the_model_left_untagged(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Recorded by Leyla Hasanli in a settlement for displaced families near Barda, 14 "
        "March 2012. The aid was organised by Deputy Chairman of the Council of Ministers."
    )
    found = labels(doc)
    assert found.get("Leyla Hasanli") == "Person"
    assert "Deputy Chairman" not in found


def test_an_untagged_name_of_a_known_surname_shape_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """The model takes the name after a closing quotation mark for a title (no type): a
    given name and a surname of a known shape still make a person."""
    doc = extract('They said "go," Armen Tarkhanyan told the crowd.')
    assert labels(doc).get("Armen Tarkhanyan") == "Person"


def test_an_untagged_name_described_by_a_calling_beside_it_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """A name the model left untagged, with a calling in apposition after it."""
    for text, name in (
        ("Sero Rıza, the elderly poet of the valley, surrendered in September.", "Sero Rıza"),
        ("Nuri Dağ, the elderly poet of the tribes, surrendered in September.", "Nuri Dağ"),
    ):
        assert labels(extract(text)).get(name) == "Person", text
    # a place described by a place's word stays no person
    found = labels(extract("Kara Dağ, the highest mountain of the range, was shelled."))
    assert found.get("Kara Dağ") != "Person"


def test_a_name_tagged_with_the_known_place_before_it_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """The model tags "Ukraine Volodymyr Zelensky" as one nationality: the known place
    stays a place, and the given name and surname after it are a person."""
    found = labels(extract("Flowers were laid by the President of Ukraine Volodymyr Zelensky."))
    assert found.get("Ukraine") == "State"
    assert found.get("Volodymyr Zelensky") == "Person"


def test_a_plural_noun_the_model_takes_for_a_person_is_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In February 1988 hooligans gathered. Provocateurs in the crowd called for reprisals."
    )
    assert labels(doc).get("Provocateurs") == "Group"


def test_the_head_word_of_a_name_with_of_is_that_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 13 January 1990 the Popular Front of Azerbaijan held a rally. Moscow said the "
        "troops had been sent to prevent the Front from seizing power."
    )
    assert [e.label for e in doc.entities.values() if e.cls == HG.Organization] == [
        "Popular Front of Azerbaijan"
    ]
    assert mentions_of(doc, "Popular Front of Azerbaijan") == [
        "Popular Front of Azerbaijan",
        "Front",
    ]


def test_a_military_district_is_a_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 April 1989 troops of the Transcaucasian Military District cleared the square."
    )
    assert labels(doc).get("Transcaucasian Military District") == "MilitaryForce"


def test_a_body_of_a_known_place_named_two_ways_is_one_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 25 February 2012 the Ministry of Foreign Affairs of the Republic of Armenia issued "
        "a statement. The Ministry of Foreign Affairs of Armenia said the corridor was open."
    )
    bodies = [e for e in doc.entities.values() if e.cls == HG.Organization]
    # one entity, labelled with the place's own label, each written form an alias
    assert [b.label for b in bodies] == ["Ministry of Foreign Affairs of Armenia"]
    assert bodies[0].aliases == {"Ministry of Foreign Affairs of the Republic of Armenia"}
    assert mentions_of(doc, "Ministry of Foreign Affairs of Armenia") == [
        "Ministry of Foreign Affairs of the Republic of Armenia",
        "Ministry of Foreign Affairs of Armenia",
    ]


def test_a_counted_group_is_named_without_its_count(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("By 30 September 2023 more than 100,000 refugees had arrived in Goris.")
    assert labels(doc).get("refugees") == "Group"


def test_an_institute_is_an_organization(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In January 2020 a historian at the Institute of Russian History said the decision "
        "of 1990 was a mistake."
    )
    assert labels(doc).get("Institute of Russian History") == "Organization"


def test_alma_ata_is_almaty(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("On 17 December 1986 students gathered on Brezhnev Square in Alma-Ata.")
    assert labels(doc).get("Almaty") == "Place"
    assert "Alma-Ata" in mentions_of(doc, "Almaty")


def test_internal_troops_are_a_force_of_their_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 28 February 1988 units of the internal troops of the USSR Ministry of Internal "
        "Affairs were brought into the city. More than 26,000 soldiers of the Soviet Army and "
        "the internal troops broke into the city."
    )
    forces = sorted(e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce)
    assert forces == ["Soviet army", "internal troops"]
    assert "internal troops" not in mentions_of(doc, "Soviet army")


def test_a_checkpoint_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("By 30 September 2023 refugees had crossed at the Kornidzor checkpoint.")
    assert labels(doc).get("Kornidzor checkpoint") == "Place"


def test_a_transcript_speaker_label_is_no_entity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "ANCHOR: Azerbaijan today marks thirty years since January 1990.\n\nCORRESPONDENT: "
        "The figures still differ. In 1990 the USSR Interior Ministry reported 83 dead."
    )
    assert not {"ANCHOR", "CORRESPONDENT"} & set(labels(doc))


def test_the_other_name_of_a_square_in_apposition(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The protest movement had occupied Independence Square, the Maidan, since late "
        "November 2013. Police cleared the Maidan on 18 February 2014."
    )
    assert labels(doc) == {"Independence Square": "Place", "Police": "MilitaryForce"}
    assert mentions_of(doc, "Independence Square") == ["Independence Square", "Maidan", "Maidan"]


def test_a_date_before_a_name_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In October Mikhail Orlov, leader of the banned opposition party, was sentenced to "
        "six years."
    )
    assert labels(doc).get("Mikhail Orlov") == "Person"


def test_a_title_alone_names_no_one(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Sir Tom Baird: I will write to the hon. Lady.")
    assert labels(doc) == {"Tom Baird": "Person"}


def test_a_personal_name_the_model_cut_or_took_for_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "At the end of the meeting, the society's secretary, Gulnar Aliyeva, thanked the "
        "guests. In March police arrested Armen Sargsyan, the engineer who had organised the "
        "march. One driver, Mammadov, was sentenced to prison."
    )
    people = {e.label for e in doc.entities.values() if e.cls == HG.Person}
    assert {"Gulnar Aliyeva", "Armen Sargsyan", "Mammadov"} <= people, labels(doc)


def test_a_people_the_model_took_for_a_person_and_an_example_of_villages(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Many Kazakhs saw the decision as an insult. In May the raids spread to border "
        "villages such as Chaykend, and by July they had been emptied. Later the raids "
        "reached towns including Berdadzor."
    )
    found = labels(doc)
    assert found.get("Kazakhs") == "Group" and found.get("Chaykend") == "Place", found
    assert found.get("Berdadzor") == "Place", found


def test_names_a_plural_place_noun_introduces_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "By August the raiders had burned the remaining villages of the valley, among them "
        "Verkhovlu, Mardinli and Sorokin. In 1994 the governor read out the names of the "
        "recovered villages: Tamarli, Yukhari Dorvan and Ostapenko."
    )
    found = labels(doc)
    for name in ("Sorokin", "Tamarli", "Yukhari Dorvan", "Ostapenko"):
        assert found.get(name) == "Place", found
    # (names the model tagged as nothing stay out: no class but a place is given to any)
    assert set(found.values()) == {"Place"}, found
    # names a plural noun of people introduces stay people
    doc = extract(
        "In May 1921 gendarmes arrested three teachers: Ivan Sorokin, Pyotr Ostapenko and "
        "Anna Mardina."
    )
    found = labels(doc)
    assert found.get("Ivan Sorokin") == "Person" and found.get("Anna Mardina") == "Person", found


def test_a_site_that_reports_is_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May 1921 gendarmes fired on strikers in Ravna. According to the district "
        "central hospital, three men were killed. The Ravna Human Rights Centre said that "
        "eleven were wounded. Later the gendarmes stormed the railway depot."
    )
    found = labels(doc)
    assert found.get("district central hospital") == "Organization", found
    assert found.get("Ravna Human Rights Centre") == "Organization", found
    assert found.get("railway depot") == "Place", found  # a site no one hears from


def test_a_calling_that_reports_after_the_is_one_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May 1921 gendarmes fired on strikers in Ravna. The regional ombudsman said that "
        "nine people had been killed. Our correspondent reports that the town is calm."
    )
    found = labels(doc)
    assert found.get("regional ombudsman") == "Person", found
    assert "correspondent" not in {k.split()[-1] for k in found}, found  # the writer
    # the person named just before is the one the calling refers to
    doc = extract(
        'On 21 January 1990 Ambassador Lorenz Gottwald laid a wreath in Ravna. "We share '
        'the grief of the people," the diplomat said.'
    )
    people = [e for e in doc.entities.values() if e.cls == HG.Person]
    assert [e.label for e in people] == ["Lorenz Gottwald"], labels(doc)


def test_a_people_named_by_a_nationality_and_a_plural(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In May 1921 gendarmes stopped a group of Turkish Cypriots on Hermes Street.")
    found = labels(doc)
    assert found.get("Turkish Cypriots") == "Group", found  # tagged as a body with "on"
    assert found.get("Hermes Street") == "Place", found


def test_the_place_of_what_befell_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "We record this so that the tragedy of Novocherkassk is not forgotten by the country "
        "whose rulers tried to erase it."
    )
    assert labels(doc).get("Novocherkassk") == "Place", labels(doc)


def test_a_seminary_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1921 police went into Brownsville, where Clark University and Gammon Theological "
        "Seminary stand."
    )
    found = labels(doc)
    assert found.get("Gammon Theological Seminary") == "Place", found
    doc = extract(
        "In 1919 a mob fired on it at the railway footbridge. Later the miners of the Wujek "
        "colliery struck."
    )
    found = labels(doc)
    assert found.get("railway footbridge") == "Place", found
    assert found.get("Wujek colliery") == "Place", found


def test_a_movements_congress_is_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1960 the Pan Africanist Congress called a campaign against the pass laws. "
        "The US Congress debated the shooting."
    )
    found = labels(doc)
    assert found.get("Pan Africanist Congress") == "Organization", found
    assert found.get("US Congress") == "Legislature", found
    doc = extract("On 22 March 1960 the House of Assembly debated the shooting at Sharpeville.")
    assert labels(doc).get("House of Assembly") == "Legislature", labels(doc)


def test_the_centre_of_a_place_and_a_place_retaken(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 17 May 1980 the military arrested opposition leaders, including Kim Dae-jung. "
        "Paratroopers carried the beatings into the centre of Gwangju. Before dawn on 27 May "
        "special forces teams retook Gwangju."
    )
    found = labels(doc)
    assert found.get("Gwangju") == "Place", found
    assert found.get("Kim Dae-jung") == "Person", found  # one of the leaders, no group
    doc = extract("The air force had bombed Gujranwala and fired on villagers in the fields.")
    assert labels(doc).get("Gujranwala") == "Place", labels(doc)


def test_a_crowd_and_the_crowds_are_one_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1921 a crowd gathered on the square in Ravna. By noon the crowds had "
        "grown to several thousand, and gendarmes fired on them."
    )
    groups = sorted(e.label for e in doc.entities.values() if e.cls == HG.Group)
    assert groups == ["crowd"], labels(doc)


def test_police_acting_on_their_own_are_a_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1921 Ostland troops entered Ravna. Soldiers fired on the strikers. Police "
        "arrested the organisers."
    )
    forces = sorted(e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce)
    # "Soldiers" are men of the troops named before; the police are a force of their own
    assert forces == ["Ostland troops", "Police"], labels(doc)


def test_police_listed_with_another_force_are_a_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1921 the army and police were sent into Ravna. Strikers attacked "
        "soldiers and police with stones. Some 20 companies of infantry and cavalry "
        "arrived the next day."
    )
    forces = {e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce}
    assert "police" in forces, labels(doc)
    # the kinds of a measure are no forces of their own
    assert not {"infantry", "cavalry"} & forces, labels(doc)


def test_more_words_for_groups(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 May 1921 gendarmes fired on schoolchildren and townspeople in Ravna. Firemen "
        "carried out the wounded, and the ringleaders were arrested."
    )
    groups = {e.label for e in doc.entities.values() if e.cls == HG.Group}
    assert {"schoolchildren", "townspeople", "Firemen", "ringleaders"} <= groups, labels(doc)


def test_a_club_and_a_trust_are_bodies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In 1916 the deputies were sworn in at the Commercial Club. The union blamed the "
        "lumber trust."
    )
    found = labels(doc)
    assert found.get("Commercial Club") == "Organization", found
    assert found.get("lumber trust") == "Organization", found


def test_the_city_of_a_name_the_model_took_for_a_people(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("In May 2005 the army crushed a revolt in the eastern Uzbek city of Andijan.")
    assert labels(doc).get("Andijan") == "Place"


def test_a_name_after_a_kinship_title_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In October 2023 my cousin Gagik was still missing. We drove south in my uncle "
        "Hrant's old Lada."
    )
    found = labels(doc)
    assert found.get("Gagik") == "Person" and found.get("Hrant") == "Person", found


def test_the_building_of_a_body_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 August 1991 paratroopers surrounded the building of the State Broadcasting "
        "Committee in Riga."
    )
    assert labels(doc).get("State Broadcasting Committee building") == "Place", labels(doc)


def test_comrade_and_a_surname_are_the_person_named_in_full(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        'On 21 January 1990 Rafik Talibzade addressed the republic. "We are not without '
        'support," Comrade Talibzade said on television. Later Mr Talibzade left.'
    )
    person = the_one_person(doc)
    assert person.label == "Rafik Talibzade", person
    assert {"Comrade Talibzade", "Mr Talibzade"} <= person.aliases, person


def test_initials_and_a_surname_are_the_one_known_person_so_named(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 24 January 1990 the plenum elected Comrade A. N. Mutalibov First Secretary. "
        "On 21 January H. A. Aliyev spoke in Moscow. M. Aliyev was not present."
    )
    people = entities_of(doc, HG.Person)
    assert people["Ayaz Mutalibov"].gazetteer is not None, people
    assert "A. N. Mutalibov" in people["Ayaz Mutalibov"].aliases
    assert people["Heydar Aliyev"].gazetteer is not None, people
    # "M." begins the given name of neither known Aliyev
    assert "M. Aliyev" in people and people["M. Aliyev"].gazetteer is None, people


def test_initials_of_two_letters_stay_in_the_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 22 January Comrade P. Ye. Korotkov spoke at the plenum. Later Yu. N. Belyakov "
        "and T. Kh. Gasanov signed the appeal. Korotkov left Baku on 25 January."
    )
    people = entities_of(doc, HG.Person)
    assert {"P. Ye. Korotkov", "Yu. N. Belyakov", "T. Kh. Gasanov"} <= set(people), people
    assert "Korotkov" in people["P. Ye. Korotkov"].aliases, people
    assert not {"P. Ye", "Ye", "Yu", "Kh"} & set(labels(doc)), labels(doc)


def test_letters_after_a_persons_name_are_no_entity(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The inquiry sat under Mr Arthur Pennington, M.P., and Sir Walter Crane, Q.C., in "
        "Leeds. A letter from Thomas Hale, Esq., was read, and Major J. Tanner (Retd.) "
        "said that the soldiers fired twice."
    )
    found = labels(doc)
    people = entities_of(doc, HG.Person)
    assert {"Arthur Pennington", "Walter Crane", "Thomas Hale", "J. Tanner"} <= set(people), found
    assert not {"M.P.", "Q.C.", "Esq", "Esq.", "Retd", "Retd."} & set(found), found
    assert found.get("Leeds") == "Place", found


def test_a_surname_joins_the_person_whose_written_name_ends_with_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the text spells the known "Serzh Sargsyan" its own way; its surname alone is him
    doc = extract(
        "In 2008 Serzh Sarkisian was sworn in. Protesters gathered in Yerevan, and on "
        "1 March Sarkisian declared a state of emergency."
    )
    person = the_one_person(doc)
    assert person.label == "Serzh Sargsyan", person
    assert "Sarkisian" in person.aliases, person


def test_late_soviet_leaders_are_known_by_their_initials(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 19 January V. V. Bakatin and V. A. Kryuchkov reported to the Politburo. "
        "Z. K. Gamsakhurdia addressed the crowd in Tbilisi."
    )
    people = entities_of(doc, HG.Person)
    assert {"Vadim Bakatin", "Vladimir Kryuchkov", "Zviad Gamsakhurdia"} <= set(people), people
    assert all(p.gazetteer is not None for p in people.values()), people


def test_a_name_beside_an_office_in_capitals_is_a_persons(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The prefect denied it. M. Duroc, the Minister of Justice, defended the troops. "
        "The Ministry of Justice, the ministry of the crown, kept silent."
    )
    found = labels(doc)
    assert found.get("M. Duroc") == "Person", found
    assert found.get("Ministry of Justice") == "Organization", found


def test_a_movement_named_is_a_body_a_movement_described_none(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Lithuanian movement Sajudis called a rally in Vilnius. A mass opposition "
        "movement grew across the country, and a formal alliance of workers followed."
    )
    found = labels(doc)
    assert found.get("Sajudis") == "Organization", found
    assert not {"mass opposition movement", "formal alliance"} & set(found), found


def test_special_police_and_squads_are_forces(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "At dawn the Tallinn OMON blocked the television tower. A squad of spetsnaz "
        "arrived by helicopter, and the Falcon Squadron flew over the port."
    )
    found = labels(doc)
    assert found.get("Tallinn OMON") == "MilitaryForce", found
    assert found.get("Falcon Squadron") == "MilitaryForce", found


def test_one_unnamed_person_by_a_word_of_the_lexicon(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A wounded schoolgirl was carried to the hospital. An elderly woman told reporters "
        "the soldiers came at night. A surgeon operated all night."
    )
    found = labels(doc)
    assert found.get("wounded schoolgirl") == "Person", found
    assert found.get("elderly woman") == "Person", found
    assert found.get("surgeon") == "Person", found


def test_people_set_beside_a_plural_name_make_no_person_of_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "That winter about 9,000 Mennonites were deported, among them 2,000 women and 900 children."
    )
    assert labels(doc).get("Mennonites") == "Group", labels(doc)


def test_a_name_opening_with_a_given_name_is_a_persons(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Wreaths were laid by Klaus Ebner. The crowd sang a song by Ousmane Diallo and "
        "marched down Louis Street."
    )
    found = labels(doc)
    assert found.get("Klaus Ebner") == "Person", found  # tagged as a body's
    assert found.get("Ousmane Diallo") == "Person", found  # tagged as a body's
    assert found.get("Louis Street") == "Place", found  # a head word ends it


def test_the_council_of_a_body_that_is_no_legislature_is_no_legislature(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In June 1962 the Presidium of the Central Committee sent two of its members to the "
        "city. The Presidium of the Supreme Soviet issued a decree. In Cairo the Supreme "
        "Council of the Armed Forces took power, and the Federal Assembly of the Russian "
        "Federation sent a delegation."
    )
    found = labels(doc)
    assert found.get("Presidium of the Central Committee") == "Organization", found
    assert found.get("Supreme Council of the Armed Forces") == "Organization", found
    assert found.get("Presidium of the Supreme Soviet") == "Legislature", found
    assert found.get("Federal Assembly of Russia") == "Legislature", found  # (its label)


def test_a_place_named_only_in_a_wars_name_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "During the First Karabakh War more than 30,000 people were killed. In April 1993 "
        "Armenian forces occupied Kalbajar."
    )
    assert "Karabakh" not in labels(doc), labels(doc)
    assert labels(doc).get("Kalbajar") == "Place", labels(doc)
    # named elsewhere too, the place stays; a state stays a party to its war
    doc = extract(
        "Nagorno-Karabakh declared its independence in 1991. The Nagorno-Karabakh war "
        "followed. In 1988, in the final months of the Iran-Iraq war, warplanes bombed Halabja."
    )
    found = labels(doc)
    assert found.get("Nagorno-Karabakh") in {"Place", "State"}, found
    assert found.get("Iraq") == "State", found


def test_a_name_said_to_be_a_village_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Verkhnie Kruchi is a small village in northern Moldavia. In May 1921 gendarmes "
        "burned its houses."
    )
    places = [e for e in doc.entities.values() if e.cls == HG.Place]
    village = [e for e in places if e.label == "Verkhnie Kruchi"]
    assert village, labels(doc)
    # the description is the village, not a place of its own
    assert not [e for e in places if "small village" in e.label], labels(doc)


def test_a_name_listed_with_places_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Every year the town honours the victims of Paris, Ostrolenka, Warsaw and Lyon.")
    found = labels(doc)
    assert found.get("Ostrolenka") == "Place", found
    # a list of people with a name or two the model took for places stays a list of people
    doc = extract(
        "In 2019 prosecutors charged Dragomir, former minister Tudor Albu, former police "
        "chief Sorin Vlad and Cozma with abuse of office."
    )
    found = labels(doc)
    assert found.get("Tudor Albu") == "Person" and found.get("Dragomir") == "Person", found


def test_a_title_before_a_name_in_apposition(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("That day the Head of State, Vasile Tarnoveanu, declared a curfew in Iasi.")
    people = [e for e in doc.entities.values() if e.cls == HG.Person]
    assert [e.label for e in people] == ["Vasile Tarnoveanu"], [e.label for e in people]


def test_a_transcripts_question_and_answer_marks(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Q. Witness, where were you on 9 May 1921?\n\n"
        "A. Lindau. Gendarmes came to the harbour that morning.\n\n"
        "Q. Please tell the court what they did.\n\n"
        "A. Mostly they beat the dockers."
    )
    names = set(labels(doc))
    assert not [n for n in names if n.startswith(("Q.", "A.", "Please"))], names
    assert "Lindau" in names, names


def test_names_of_plural_place_nouns_and_a_mine(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In May 1921 gendarmes burned the old quarters of Zelvanka, Tarnovik and Brodeski. "
        "Two days later they fired on strikers at the Kalinovsky mine."
    )
    found = labels(doc)
    for name in ("Zelvanka", "Tarnovik", "Brodeski"):
        assert found.get(name) == "Place", found
    assert found.get("Kalinovsky mine") == "Place", found


def test_an_agency_named_in_a_dateline(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Troops in Lindau\n\n"
        "LINDAU, 4 May 1921 (NORDPRESS). Marines fired on strikers in the port today.\n\n"
        "ESSEN, 5 May 1921 (Agency) — The council declared a state of emergency."
    )
    found = labels(doc)
    assert found.get("NORDPRESS") == "Organization", found
    assert "Agency" not in found, found


def test_an_agency_credited_by_its_own_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Troops in Lindau\n\n"
        "LINDAU, 4 May 1921 (NordPress). Marines fired on strikers in the port today.\n\n"
        "ESSEN, 5 May 1921 (Rhein24) — The council declared a state of emergency.\n\n"
        "KASSEL, 6 May 1921 (State News Agency) — The strike spread.\n\n"
        "Remembering Lindau\n\nLindau, 4 May 2021, LINPRESS\n\nWreaths were laid today."
    )
    found = labels(doc)
    assert found.get("NordPress") == "Organization", found  # a name, though not in capitals
    assert found.get("Rhein24") == "Organization", found
    assert found.get("LINPRESS") == "Organization", found  # after the date, on its own line
    assert not any("Agency" in label for label in found), found  # a description


def test_a_dateline_line_that_ends_with_its_agency_names_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Tarnovik, 4 May 2021, LINPRESS\n\nWreaths were laid in the town today.")
    found = labels(doc)
    assert found.get("Tarnovik") == "Place", found  # the place of writing
    assert found.get("LINPRESS") == "Organization", found
    assert mentions_of(doc, "Tarnovik") == ["Tarnovik", "town"]


def test_a_body_named_by_its_plural_head_word(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 May 1921 marines fired on strikers in Lindau. The local authorities declared "
        "a curfew the same evening."
    )
    found = labels(doc)
    assert found.get("local authorities") == "Organization", found


def test_a_known_person_named_by_initials(extract) -> None:  # type: ignore[no-untyped-def]
    # the gazetteer knows "Mikhail Sergeyevich Gorbachev"; an official text writes initials
    doc = extract(
        "On 26 February 1988 the General Secretary, M. S. Gorbachev, addressed an appeal "
        "to the peoples of the two republics. M. Gorbachev repeated it a week later."
    )
    people = {e.label: sorted(e.aliases) for e in doc.entities.values() if e.cls == HG.Person}
    assert list(people) == ["Mikhail Gorbachev"], people
    assert {"M. S. Gorbachev", "M. Gorbachev"} <= set(people["Mikhail Gorbachev"]), people


def test_military_ranks_before_a_name(extract) -> None:  # type: ignore[no-untyped-def]
    # the model leaves "Senior Lieutenant Emil Abbasov" and "Private Tural Mammadli" untagged
    doc = extract(
        "Among those who fell in the battle for Fuzuli were Major Orkhan Karimov, Senior "
        "Lieutenant Emil Abbasov and Private Tural Mammadli."
    )
    people = {e.label for e in doc.entities.values() if e.cls == HG.Person}
    assert {"Orkhan Karimov", "Emil Abbasov", "Tural Mammadli"} <= people, people


def test_whose_brother_someone_is_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Rovshan" and "Vugar" as a place and an organisation
    doc = extract(
        "Troops entered Baku on 20 January 1990. Rovshan's brother was among the hundreds "
        "arrested in the weeks that followed, and Vugar's mother never saw her son again."
    )
    found = labels(doc)
    assert found.get("Rovshan") == "Person", found
    assert found.get("Vugar") == "Person", found


def test_the_international_community_is_a_known_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 May 1921 marines fired on strikers in Lindau. The council calls on the "
        "international community to condemn the killings."
    )
    assert labels(doc).get("international community") == "Group", labels(doc)


def test_sources_named_by_whose_they_are(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 May 1921 marines fired on strikers in Lindau. Danish sources put the toll at 30; "
        "according to sources close to the council, fewer died."
    )
    found = labels(doc)
    assert found.get("Danish sources") == "Group", found
    assert "sources" not in found, found


def test_a_named_area_in_apposition_is_where_the_place_lies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Meshali, Kalbajar district, 8 April 2023 (AZERTAC). Today marks the 31st anniversary "
        "of the Meshali tragedy. Meshali, a village of 800 people, was shelled."
    )
    assert "Kalbajar district" not in mentions_of(doc, "Meshali")
    assert labels(doc).get("Kalbajar district") == "Place", labels(doc)


def test_a_name_after_the_is_no_persons(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Velbar, a town on the Danube, fell in November 1991. A letter was sent to the Pope."
    )
    found = labels(doc)
    assert found.get("Danube") == "Place", found
    assert found.get("Pope") != "Place", found


def test_works_and_shipyards_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In December 1970 workers of the Lenin Shipyard went on strike. Troops fired on the "
        "crowd outside the Kolomna Locomotive Plant."
    )
    found = labels(doc)
    assert found.get("Lenin Shipyard") == "Place", found
    assert found.get("Kolomna Locomotive Plant") == "Place", found


def test_an_acronym_after_a_longer_name_is_the_longer_names(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The report of the United Nations Assistance Mission for Rwanda (UNAMIR) was published "
        "in May. The UNAMIR count was the only one. Officers of the People's Commissariat for "
        "Internal Affairs (NKVD) shot the prisoners."
    )
    mission = "United Nations Assistance Mission for Rwanda"
    assert labels(doc).get(mission) == "Organization", labels(doc)
    assert mentions_of(doc, mission).count("UNAMIR") == 2, mentions_of(doc, mission)
    assert "UNAMIR" not in labels(doc), labels(doc)  # one body, whichever way it is written
    assert "UNAMIR" not in mentions_of(doc, "Rwanda")
    assert "NKVD" in mentions_of(doc, "People's Commissariat for Internal Affairs")


def test_a_forces_acronym_names_it_whatever_the_model_tags_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags the bracketed acronyms as organisations, and "RPA soldiers" and
    # "JNA troops" as forces of their own: all are the force the text names in full
    doc = extract(
        "At dawn units of the Rwandan Patriotic Army (RPA) surrounded the camp. By noon RPA "
        "soldiers had opened fire on the crowd. The Yugoslav People's Army (JNA) shelled "
        "Vukovar for weeks, and JNA troops entered the town in November."
    )
    found = labels(doc)
    assert found.get("Rwandan Patriotic Army") == "MilitaryForce", found
    assert found.get("Yugoslav People's Army") == "MilitaryForce", found
    for name in ("RPA", "RPA soldiers", "JNA", "JNA troops"):
        assert name not in found, found
    assert {"RPA", "RPA soldiers"} <= set(mentions_of(doc, "Rwandan Patriotic Army"))
    assert {"JNA", "JNA troops"} <= set(mentions_of(doc, "Yugoslav People's Army"))


def test_a_body_described_in_lower_case_is_the_one_whose_name_ends_so(extract) -> None:  # type: ignore[no-untyped-def]
    # the description comes first, so no rule that looks back for an antecedent finds it
    doc = extract(
        "According to the district executive authority, 1,180 residents of Fuzuli were "
        "killed. The ceremony was opened by the head of the Fuzuli District Executive "
        "Authority."
    )
    full = "Fuzuli District Executive Authority"
    assert labels(doc).get(full) == "Organization", labels(doc)
    assert "district executive authority" in mentions_of(doc, full), mentions_of(doc, full)
    assert "district executive authority" not in labels(doc), labels(doc)
    # two names that end so: the description is neither's
    doc = extract(
        "According to the district executive authority, 1,180 residents were killed. Heads "
        "of the Aghdam District Executive Authority and of the Fuzuli District Executive "
        "Authority spoke."
    )
    assert labels(doc).get("district executive authority") == "Organization", labels(doc)
    # a force, by its one word
    doc = extract(
        "At dawn the gendarmerie rounded up hundreds of people in the town. Survivors later "
        "said that the Hungarian gendarmerie had drawn up lists in advance."
    )
    assert "gendarmerie" not in labels(doc), labels(doc)
    assert "gendarmerie" in mentions_of(doc, "Hungarian gendarmerie")


def test_a_count_before_and_is_no_part_of_a_groups_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In June 1954 MVD troops stormed the camp at Kengir. The official count gave 37 dead "
        "and 106 prisoners wounded."
    )
    assert not [label for label in labels(doc) if label.startswith("and ")], labels(doc)


def test_peoples_without_a_country_of_their_name_are_groups(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In February 1905 clashes between Armenians and Tatars broke out in the city. In April "
        "1994 militias killed Tutsi and moderate Hutu in the parish."
    )
    found = labels(doc)
    assert found.get("Tatars") == "Group", found
    assert found.get("Tutsi") == "Group" and found.get("Hutu") == "Group", found


def test_names_a_plural_place_noun_lists_or_that_modify_it_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Tajik artillery shelled Kyrgyz villages, among them Ak-Sai, Dostuk and Arka. "
        "Residents of the Batken and Leilek districts have been evacuated."
    )
    found = labels(doc)
    for name in ("Ak-Sai", "Dostuk", "Arka", "Leilek"):
        assert found.get(name) == "Place", (name, found)


def test_historians_and_researchers_are_groups(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Georgian researchers estimate that 80 people were killed. Western historians accept "
        "a figure of about 10,000."
    )
    found = labels(doc)
    assert found.get("Georgian researchers") == "Group", found
    assert found.get("Western historians") == "Group", found


def test_a_named_press_and_garrison_and_no_possessive_mark_in_a_label(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Soviet press called them hooligans. Servicemen of the Vilnius garrison guarded the "
        "tower. But the city's garrison did nothing for three days."
    )
    found = labels(doc)
    assert found.get("Soviet press") == "Organization", found
    assert found.get("Vilnius garrison") == "MilitaryForce", found
    assert not [label for label in found if label.startswith("'s")], found


def test_named_markets_and_borders_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("A shell hit the Dostuk border market. Troops crossed the Ingush border.")
    found = labels(doc)
    assert found.get("Ingush border") == "Place", found
    assert found.get("Dostuk border market") == "Place", found


def test_participants_observers_and_investigators_are_groups(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The participants laid wreaths. International observers and foreign diplomats watched, "
        "and investigators from the prosecutor's office questioned the organisers."
    )
    found = labels(doc)
    for name in ("participants", "International observers", "foreign diplomats", "organisers"):
        assert found.get(name) == "Group", (name, found)
    assert any(k.startswith("investigators") and v == "Group" for k, v in found.items()), found


def test_a_count_or_an_adverb_before_a_group_is_no_part_of_its_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "At least 800 residents fled the town on 3 May 1992. Only the Juma Mosque remained "
        "standing. The so-called activists were arrested."
    )
    found = labels(doc)
    assert found.get("residents") == "Group", found
    assert not [k for k in found if k.lower().startswith(("at least", "only"))], found
    assert "so-called activists" in found, found


def test_the_head_word_of_a_name_alone_refers_to_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The UN Security Council met on 30 April 1993. The Council adopted Resolution 822. "
        "The International Criminal Tribunal for the former Yugoslavia convicted two officers "
        "in 2007. Both men remain in the custody of the Tribunal."
    )
    found = labels(doc)
    assert "Council" not in found and "Tribunal" not in found, found
    council = [m for m in doc.mentions if doc.quote(m.span) == "Council"]
    tribunal = [m for m in doc.mentions if doc.quote(m.span) == "Tribunal"]
    assert council and "Security Council" in doc.entities[council[0].entity].label, found
    assert tribunal and "Criminal Tribunal" in doc.entities[tribunal[0].entity].label, found


def test_media_agencies_and_courts_are_organisations(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Azerbaijani media reported the shelling. Humanitarian agencies sent convoys, "
        "and military prosecutors opened a case in the military courts."
    )
    found = labels(doc)
    for name in ("Azerbaijani media", "Humanitarian agencies", "military prosecutors"):
        assert found.get(name) == "Organization", (name, found)
    assert any(k.endswith("courts") and v == "Organization" for k, v in found.items()), found


def test_a_personal_name_in_a_list_of_people_or_after_a_title_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The commission blamed no one, not even the police minister, Nathi Mthethwa.\n\n"
        "The dead were Allison Krause, Jeffrey Miller, Sandra Scheuer and William Schroeder.\n\n"
        "A commission of the Congress of People's Deputies, chaired by Anatoly Sobchak, "
        "concluded that the army was to blame.\n\n"
        "Two died of gunshot wounds: two militiamen, Vladimirs Gomanovics and Sergejs Kononenko."
    )
    found = labels(doc)
    for name in ("Nathi Mthethwa", "Sandra Scheuer", "Anatoly Sobchak", "Vladimirs Gomanovics"):
        assert found.get(name) == "Person", (name, found)


def test_a_name_after_a_kin_word_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Our neighbours, Aunt Gulnara and her husband Rasim, took us in. "
        "My daughter Aytan flew out to Baku."
    )
    found = labels(doc)
    assert found.get("Rasim") == "Person", found
    assert found.get("Aytan") == "Person", found


def test_the_other_end_of_a_route_from_a_known_place_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "For the first time since the blockade began, the road from Stepanakert to Goris was "
        "open. Trucks came up the road from Goris across the bridge."
    )
    assert labels(doc).get("Goris") == "Place", labels(doc)


def test_a_name_people_went_or_flew_to_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "After the ceremony the President went to Jidir Duzu. Parliament then transferred "
        "presidential powers to Aliyev."
    )
    found = labels(doc)
    assert found.get("Jidir Duzu") == "Place", found
    assert found.get("Aliyev") != "Place", found


def test_a_numbered_school_or_gate_is_a_place_with_its_number(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A doctor said at least 200 bodies had been brought to School No. 15 overnight. "
        "Workers gathered at Gate No. 2 of the shipyard."
    )
    found = labels(doc)
    assert found.get("School No. 15") == "Place", found
    assert found.get("Gate No. 2") == "Place", found


def test_regional_towns_the_model_mislabels_come_from_the_gazetteer(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Andijan is in mourning. Refugees reached Gyumri and Leninakan's old quarter.")
    places = {e.label for e in doc.entities.values() if e.cls == HG.Place}
    assert {"Andijan", "Gyumri"} <= places, labels(doc)


def test_a_place_and_its_known_region_tagged_as_one_name_are_two(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The hostages were held in School No. 1 in the town of Beslan, Republic of North "
        "Ossetia-Alania, on 1-3 September 2004."
    )
    places = {e.label for e in doc.entities.values() if e.cls == HG.Place}
    assert "Beslan" in places and not [p for p in places if "," in p], places


def test_forces_or_rulers_named_by_one_nation_alone_are_one_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1994 Moldovan troops shelled the bridge at Bender. Moldovan units then "
        "entered the town, and the armed forces of Moldova held it for a week. "
        "Moldovan Interior Ministry troops guarded the road. The Moldovan Army later "
        "withdrew its artillery. The Moldovan authorities denied the shelling, but the "
        "Moldovan leadership ordered an inquiry. The Moldovan people mourned the dead, and "
        "the Moldovan nation observed a minute of silence."
    )
    forces = {
        e.label: mentions_of(doc, e.label)
        for e in doc.entities.values()
        if e.cls == HG.MilitaryForce
    }
    # one force, whichever way the text names the nation's troops
    assert any(
        {"Moldovan troops", "Moldovan units", "armed forces of Moldova"} <= set(m)
        for m in forces.values()
    ), forces
    # a name with another word, or a named branch, stays a force of its own
    assert sum("Interior Ministry" in label for label in forces) == 1, forces
    assert "Moldovan Army" in forces, forces
    # so are the bodies named by one nation and a word for its rulers
    rulers = [mentions_of(doc, e.label) for e in doc.entities.values() if e.cls == HG.Organization]
    assert ["Moldovan authorities", "Moldovan leadership"] in rulers, rulers
    # and the people of one nation
    peoples = [mentions_of(doc, e.label) for e in doc.entities.values() if e.cls == HG.Group]
    assert ["Moldovan people", "Moldovan nation"] in peoples, peoples


def test_people_named_by_their_kin_to_others_are_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The families of the victims demanded a new inquiry in 2004. Reporters spoke with "
        "survivors, relatives of the dead and nurses. Families of martyrs laid flowers at "
        "the monument. The relatives of Marat Bekov declined to comment."
    )
    groups = {e.label for e in doc.entities.values() if e.cls == HG.Group}
    assert {"families of the victims", "relatives of the dead", "Families of martyrs"} <= groups
    # a named person's relatives are no group named after a people
    assert not any("Bekov" in g for g in groups), groups


def test_a_title_beside_a_persons_name_is_no_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 3 May the High Representative, Lena Sorvik, condemned the shelling of Tarnow. "
        "In Washington, Secretary of State Antony Blinken telephoned the president. Oskar Brandt, the "
        "country's High Commissioner for Refugee Affairs, visited the camp. The General "
        "Secretary of the CPSU Central Committee, M. S. Gorbachev, appealed for calm."
    )
    found = labels(doc)
    for title in ("High Representative", "State", "Refugee Affairs"):
        assert title not in found, found
    assert found["Lena Sorvik"] == "Person"
    assert found["Antony Blinken"] == "Person"
    # a body's name after a title and "of" is still the body, not the title's holder
    assert found.get("CPSU Central Committee") == "Organization", found


def test_a_name_an_event_word_begins_names_an_event(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 23 February 1944 the Soviet state launched Operation Lentil and deported the "
        "population of the region to Kazakhstan."
    )
    assert not any("Lentil" in e.label for e in doc.entities.values()), labels(doc)


def test_a_title_alone_names_no_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "General Varga arrived with fifty riflemen. A large crowd had gathered that "
        "afternoon in the square for a meeting held in defiance of the General's "
        "proclamation forbidding assemblies."
    )
    found = labels(doc)
    assert "General" not in found, found


def test_a_place_named_by_the_end_of_a_longer_name_is_that_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1919 troops fired on a crowd in the Jallianwala Bagh in Amritsar. A large "
        "crowd had gathered that afternoon in the Bagh, an enclosed piece of waste ground. "
        "Later that year fighting spread to West Beirut and Beirut."
    )
    assert mentions_of(doc, "Jallianwala Bagh") == ["Jallianwala Bagh", "Bagh"]
    # a part of a place named by a compass word is not the place itself
    found = labels(doc)
    assert "Beirut" in found and "West Beirut" in found, found


def test_a_soviet_is_a_legislature(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1918 the Tiflis Soviet called on the garrison to keep order in the city."
    )
    found = labels(doc)
    assert found.get("Tiflis Soviet") == "Legislature", found


def test_the_regime_refers_to_the_rulers_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In January 1990 the Soviet leadership sent troops into Baku. Two days later the "
        "regime denied that civilians had been killed."
    )
    assert mentions_of(doc, "Soviet leadership") == ["Soviet leadership", "regime"]


def test_the_rulers_of_a_nation_with_an_adjective_are_known_by_it(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the leadership of the USSR" is the "Soviet leadership" another text names (the
    gazetteer gives the adjective), so both texts' bodies are one node; a nation the
    gazetteer gives no adjective keeps the words of its text."""
    doc = extract(
        "In January 1990 the leadership of the USSR sent troops into Baku. The government "
        "of Azerbaijan protested."
    )
    found = labels(doc)
    assert found.get("Soviet leadership") == "Organization", found
    assert mentions_of(doc, "Soviet leadership") == ["leadership of the USSR"]
    assert found.get("government of Azerbaijan") == "Organization", found


def test_the_crowd_is_the_protesters_named_just_before(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 9 April thousands of demonstrators gathered before the Government House. At "
        "4 a.m. the troops advanced on the crowd with shovels. A crowd of onlookers "
        "watched from the bridge, and the crowd later dispersed."
    )
    assert mentions_of(doc, "demonstrators") == ["demonstrators", "crowd"]
    # "a crowd" is a new one, and "the crowd" after it is that one
    assert any(
        e.cls == HG.Group and e.label != "demonstrators" and "crowd" in e.label
        for e in doc.entities.values()
    ), labels(doc)


def test_the_parks_former_names_are_the_alley_of_martyrs(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 22 January 1990 mourners carried the coffins up to Kirov Park. The Upland Park "
        "is now called the Alley of Martyrs."
    )
    assert mentions_of(doc, "Alley of Martyrs") == ["Kirov Park", "Upland Park", "Alley of Martyrs"]


def test_a_nationality_whose_plural_is_itself_counted_or_listed_is_a_people(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 4 June about 1,500 Kyrgyz gathered on the disputed field. The clashes between "
        "Kyrgyz and Uzbeks spread through the region."
    )
    assert labels(doc).get("Kyrgyz") == "Group", labels(doc)


def test_a_line_with_a_place_and_the_date_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Statement of the veterans' association on the anniversary\n\n"
        "Ostrovac, 18 November 2021\n\n"
        "Thirty years ago today, after 87 days of siege, Ostrovac fell. The city was shelled "
        "day and night, and the defenders of Ostrovac held out until November."
    )
    assert labels(doc).get("Ostrovac") == "Place"


def test_a_line_with_a_text_kind_or_a_weekday_and_a_date_names_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "PRESS RELEASE, Ostburg, 21 January 2023\n\nSaturday, 21 November 2020\n\n"
        "Around 150 guests gathered in the hall of the association in Ostburg."
    )
    found = labels(doc)
    assert not any(k.upper() == "PRESS RELEASE" or k == "Saturday" for k in found), found


def test_a_common_noun_that_opens_a_sentence_is_no_name(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Groups" as an organisation's name
    doc = extract(
        "Wreaths were laid at the Ostburg memorial on 3 May. Groups of young men gathered in "
        "the square.\nBelarusians and Poles came too."
    )
    found = labels(doc)
    assert "Groups" not in found, found
    assert found.get("Belarusians") == "Group", found


def test_the_centre_of_a_place_is_that_place_told_more_closely(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Thousands gathered in the centre of Ostburg on 3 May 1971. The cultural centre of "
        "Ostburg was closed."
    )
    found = labels(doc)
    assert "centre of Ostburg" not in found and found.get("Ostburg") == "Place", found
    assert found.get("cultural centre of Ostburg") == "Place", found


def test_a_bare_site_noun_is_the_site_named_with_it_or_a_place_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Thousands gathered on Freedom Square in Ostburg on 3 May 1971. At night troops "
        "entered the square and fired on the crowd. The wounded were driven to the port. "
        "Every year people lay flowers at the Ostburg Memorial; the monument shows a "
        "grieving mother. The border was closed. The ships in the bay sounded their horns."
    )
    found = labels(doc)
    assert "square" in mentions_of(doc, "Freedom Square"), mentions_of(doc, "Freedom Square")
    assert "monument" in mentions_of(doc, "Ostburg Memorial"), mentions_of(doc, "Ostburg Memorial")
    assert found.get("port") == "Place", found
    assert found.get("bay") == "Place", found
    assert "border" not in found, found


def test_a_site_named_by_a_name_the_parse_took_for_an_adjective_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the Filatov cemetery": the name before a site's head word is a name though the
    parse hangs it on the noun as a describing word (and the model tags it a nationality)."""
    doc = extract("The dead were buried in the Filatov cemetery on the night of the attack.")
    assert labels(doc).get("Filatov cemetery") == "Place", labels(doc)


def test_a_site_a_peoples_adjective_names_is_a_place_and_armed_men_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the Kyrgyz border", "the Soviet embassy": one site a people's adjective names is a
    place (not many, "Kyrgyz houses"); "armed men" are a group (a head phrase)."""
    doc = extract(
        "In June 1992 thousands of villagers fled towards the Kyrgyz border, and protesters "
        "gathered outside the Soviet embassy. Kyrgyz houses were burned. Armed men fired on "
        "the column."
    )
    found = labels(doc)
    assert found.get("Kyrgyz border") == "Place", found
    assert found.get("Soviet embassy") == "Place", found
    assert "Kyrgyz houses" not in found, found
    assert found.get("Armed men") == "Group", found


def test_a_building_no_site_was_named_before_is_no_place_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In the early hours of 13 May 2005 gunmen occupied the building. Troops surrounded "
        "the Ostburg Town Hall at dawn; the building was stormed at noon."
    )
    assert "building" not in labels(doc), labels(doc)
    mentions = mentions_of(doc, "Ostburg Town Hall")
    assert "building" in mentions, mentions


def test_a_force_named_by_its_nations_place_is_labelled_by_the_nations_adjective(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1993 the armed forces of the Republic of Armenia occupied Kalbajar. "
        "Armenian officials denied that their army took part."
    )
    forces = entities_of(doc, HG.MilitaryForce)
    assert "Armenian armed forces" in forces, forces
    assert "armed forces of Armenia" in forces["Armenian armed forces"].aliases


def test_cavalry_infantry_and_militiamen_are_forces(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 29 December 1890 the 7th Cavalry surrounded the camp at Dolna. Two days later "
        "the local militiamen and the 15th Hussars entered the town."
    )
    forces = {e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce}
    assert {"7th Cavalry", "local militiamen"} <= forces, forces


def test_an_office_is_its_holder_named_before_or_a_person_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January President Ilham Aliyev visited the Alley of Martyrs. The President "
        "laid a wreath. The governor of Ostland declared martial law, and the mayor of "
        "Dolna, Petar Novak, imposed a curfew."
    )
    found = labels(doc)
    assert "President" in mentions_of(doc, "Ilham Aliyev"), mentions_of(doc, "Ilham Aliyev")
    assert found.get("governor of Ostland") == "Person", found
    assert not any(k.startswith("mayor") for k in found), found


def test_a_place_named_to_tell_the_clock_time_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 13 October 2005, at about 09:00 Moscow time, militants attacked the police "
        "station in Nalchik and killed 12 officers."
    )
    assert "Moscow" not in labels(doc), labels(doc)
    assert all(doc.entities[e.place].label != "Moscow" for e in doc.live_events() if e.place)


def test_passes_ravines_and_farms_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1993 thousands of civilians fled over the Zelen pass in deep snow. The "
        "wounded were taken to the Horvat farm."
    )
    places = {e.label for e in doc.entities.values() if e.cls == HG.Place}
    assert {"Zelen pass", "Horvat farm"} <= places, places


def test_a_persons_kin_are_a_group_labelled_by_the_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 21 January Heydar Aliyev came to the permanent mission with members of his "
        "family. Petar Novak's sons were arrested the same night."
    )
    found = labels(doc)
    assert found.get("Heydar Aliyev's family") == "Group", found
    assert found.get("Petar Novak's sons") == "Group", found
    assert found.get("Heydar Aliyev") == "Person", found


def test_a_title_and_a_surname_are_the_person_named_in_full_or_the_surname(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Governor James A. Rhodes came to Kent on 3 May. Governor Rhodes denounced the "
        "rioters. Ambassador Gleysteen urged restraint, and Lord Widgery later found that the "
        "soldiers had been fired on first."
    )
    people = {e.label for e in doc.entities.values() if e.cls == HG.Person}
    assert "Gleysteen" in people and "Ambassador Gleysteen" not in people, people
    assert any("Widgery" in p for p in people), people


def test_a_surname_after_a_title_the_model_left_out_is_the_person_named_in_full(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Orlov" alone as a body's name; the title before it makes it a person's
    doc = extract(
        "President Dale telegraphed Governor Thomas E. Orlov yesterday. Governor Orlov said "
        "the deportation was lawful."
    )
    people = {e.label for e in doc.entities.values() if e.cls == HG.Person}
    assert "Orlov" not in people, people
    assert "Governor Orlov" not in people, people


def test_troops_of_a_body_are_its_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 13 May troops of the Interior Ministry opened fire on the crowd. Interior "
        "Ministry troops later sealed off the square."
    )
    forces = {e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce}
    assert forces == {"Interior Ministry troops"}, forces
    assert "troops of the Interior Ministry" in mentions_of(doc, "Interior Ministry troops")


def test_a_region_after_a_comma_the_parser_hung_on_the_verb(extract) -> None:  # type: ignore[no-untyped-def]
    # "Zhytomyr region" here is an adverbial noun of "informs" in the parse, no noun chunk
    doc = extract(
        "The Office of the Prosecutor General informs the public of the progress of the "
        "investigation into the killing of civilians in the town of Borodianka, Zhytomyr "
        "region, during its occupation by the armed forces of the Russian Federation from "
        "27 February to 30 March 2022."
    )
    found = labels(doc)
    assert found.get("Zhytomyr region") == "Place", found
    assert "Zhytomyr" not in found, found


def test_the_town_is_the_place_the_text_called_a_town(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "KYIV, 20 April 2022\n\n"
        "Prosecutors from Kyiv investigate the killing of civilians in the town of "
        "Borodianka, Kyiv region, during its occupation from 27 February to 30 March 2022. "
        "Investigators returned to Kyiv. Soldiers held the town for a month."
    )
    town = next(m for m in doc.mentions if doc.quote(m.span) == "town" and m.span.start > 200)
    assert doc.entities[town.entity].label == "Borodianka"


def test_a_named_area_of_a_land(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In June 1990 clashes took place in the Osh region of the Kirghiz SSR. Soviet troops "
        "entered the Naryn region of Kirghizia two days later."
    )
    found = labels(doc)
    assert found.get("Osh region") == "Place", found
    assert found.get("Naryn region") == "Place", found


def test_names_the_model_took_for_persons_are_places_by_what_happens_there(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In September 1976 the exiled general returned to Bangkok in the robes of a novice "
        "monk and entered Wat Bowonniwet. Several students were dragged across the road to "
        "Sanam Luang, where they were hanged from trees."
    )
    found = labels(doc)
    assert found.get("Wat Bowonniwet") == "Place", found
    assert found.get("Sanam Luang") == "Place", found


def test_a_question_put_to_someone_names_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Odette Mukamana was fourteen at the time. Odette, where were you when the killing "
        "began? The parliament transferred presidential powers to Aliyev."
    )
    found = labels(doc)
    assert found.get("Odette Mukamana") == "Person", found
    assert "Place" not in {found.get("Odette"), found.get("Aliyev")}, found


def test_a_title_the_model_took_for_the_name_and_a_calling_before_one(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In September 1976 the former dictator Field Marshal Thanom Kittikachorn, who had "
        "been driven into exile, returned to Bangkok in the robes of a novice monk and "
        "entered Wat Bowonniwet. Historian Anan Sriwong of Chulalongkorn University said the "
        "silence was deliberate."
    )
    found = labels(doc)
    assert found.get("Thanom Kittikachorn") == "Person", found
    assert found.get("Anan Sriwong") == "Person", found
    assert "Field Marshal" not in found and "Historian Anan Sriwong" not in found, found


def test_a_name_beside_an_office_the_model_left_untagged(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The President of the Republic, Abdelmadjid Tebboune, has decided to institute 8 May "
        "of each year as a National Day of Memory."
    )
    found = labels(doc)
    assert found.get("Abdelmadjid Tebboune") == "Person", found


def test_a_byline_names_the_authors_and_nothing_else(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Order is being restored\n\n"
        "By our special correspondents Lieutenant-Colonel V. Gorelov and Major A. Sitnikov\n\n"
        "By our Ireland Correspondent\n\n"
        "Armoured personnel carriers still stand at the crossroads of Ravna."
    )
    found = labels(doc)
    assert found.get("V. Gorelov") == "Person", found
    assert found.get("A. Sitnikov") == "Person", found
    assert "Ireland Correspondent" not in found and "Ireland" not in found, found


def test_bylines_that_open_with_from_or_posted_by(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Thousands follow the coffins\n\n"
        "From Martin Holloway in Ravna\n\n"
        "Posted by Lilit Avagyan, 22 September 2024\n\n"
        "From the report of the commission\n\n"
        "Thousands of mourners walked behind the coffins through Ravna on Monday."
    )
    found = labels(doc)
    assert found.get("Martin Holloway") == "Person", found
    assert found.get("Lilit Avagyan") == "Person", found


def test_a_name_that_begins_a_longer_one(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A large force surrounded Batak under the command of Ahmed Aga Barutanliyata. Ahmed "
        "Aga gave his word that the people would be spared. The Sublime Porte later "
        "decorated Ahmed Aga."
    )
    people = sorted(label for label, cls in labels(doc).items() if cls == "Person")
    assert people == ["Ahmed Aga Barutanliyata"], people


def test_a_force_of_a_nation_whose_adjective_the_text_never_writes(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In April 1993 the armed forces of the Republic of Armenia occupied the Kalbajar "
        "district. The "
        "troops of Azerbaijan withdrew."
    )
    forces = sorted(e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce)
    # "-ia" gives "-ian"; "Azerbaijan" has no regular adjective the tool can be sure of
    assert forces == ["Armenian armed forces", "troops of Azerbaijan"], forces
    aliases = next(e.aliases for e in doc.entities.values() if e.label == "Armenian armed forces")
    assert "armed forces of Armenia" in aliases, aliases


def test_a_force_of_a_nation_named_in_several_words(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 2022 the armed forces of the Russian Federation occupied Ravna. Russian "
        "troops shelled the theatre on 16 March."
    )
    forces = sorted(e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce)
    assert forces == ["Russian armed forces"], forces


def test_a_units_number_a_site_after_a_name_and_an_office_of_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Armoured vehicles of the 366th motorised rifle regiment took part in the assault. "
        "Fighting went on around the Corvin cinema, and the bodies were burned at the Cenusa "
        "crematorium. The UN High Commissioner for Human Rights called for an inquiry."
    )
    found = labels(doc)
    assert found.get("366th motorised rifle regiment") == "MilitaryForce", found
    assert "366th" not in found, found
    assert found.get("Corvin cinema") == "Place", found
    assert found.get("Cenusa crematorium") == "Place", found


def test_a_lowercase_word_the_model_tagged_is_no_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The villages of Ravna were looted and burned, and our schools, mosques and "
        "cemeteries were destroyed by the occupiers. A court in Ostburg later sentenced "
        "three commanders in absentia."
    )
    found = labels(doc)
    assert "mosques" not in found and "absentia" not in found, found


def test_the_aul_or_settlement_of_a_name_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 27 February 1944 troops surrounded the aul of Khaibakh. A day later they burned "
        "the settlement of Aghband."
    )
    found = labels(doc)
    assert found.get("Khaibakh") == "Place", found
    assert found.get("Aghband") == "Place", found


def test_a_federation_of_unions_or_parties_is_an_organisation(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Social Democratic Federation called a meeting in London, and the Metropolitan "
        "Radical Federation joined it. The Russian Federation was not mentioned."
    )
    found = labels(doc)
    assert found["Social Democratic Federation"] == "Organization", found
    assert found["Metropolitan Radical Federation"] == "Organization", found
    assert found["Russia"] == "State", found


def test_the_land_of_an_office_beside_a_name_stays_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The commission was chaired by William Scranton, a former governor of Pennsylvania. "
        "Its report was released in October."
    )
    found = labels(doc)
    assert found.get("Pennsylvania") == "Place", found
    assert found.get("William Scranton") == "Person", found


def test_tunnels_and_courthouses_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The refugees fled through the Varo Tunnel to the north. The prisoners were held in "
        "the Ostburg County Courthouse."
    )
    found = labels(doc)
    assert found.get("Varo Tunnel") == "Place", found
    assert any(v == "Place" and "Courthouse" in k for k, v in found.items()), found


def test_societies_and_bureaus_are_organisations(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The members regard the official count as incomplete: the Lok Samiti, a relief "
        "society, had collected the names of about 500 dead. The Varo Information Bureau "
        "published the list."
    )
    found = labels(doc)
    assert found.get("Lok Samiti") == "Organization", found
    assert any(v == "Organization" and "Bureau" in k for k, v in found.items()), found


def test_witnesses_are_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Witnesses heard by the commission said that the soldiers fired without warning. "
        "The witnesses were later questioned again in Ostburg."
    )
    found = labels(doc)
    assert any(v == "Group" and "itnesses" in k for k, v in found.items()), found


def test_a_peoples_name_on_a_thing_names_no_people(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The ministry first spoke of 83 civilian deaths in Ostburg, and the missiles hit a "
        "crowded civilian area."
    )
    assert "civilians" not in labels(doc), labels(doc)
    doc = extract("A young civilian was killed in Ostburg, and civilian residents fled.")
    assert labels(doc).get("civilians") == "Group", labels(doc)


def test_a_dateline_line_with_a_weekday_under_a_byline(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "GAS BARRAGE FAILS IN THE CITY\n\nFrom Our Staff Reporter\nARMAGH, Tuesday\n\n"
        "Soldiers with fixed bayonets took up positions at the edge of the town this evening, "
        "and the police withdrew."
    )
    assert labels(doc).get("ARMAGH") == "Place", labels(doc)


def test_a_feature_named_without_its_head_word_is_that_feature(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Thousands of men and women walked down to the Ostra river and tore down the fences "
        "of the border. That night bonfires burned along the Ostra, and people on both banks "
        "embraced in the icy water."
    )
    found = labels(doc)
    assert "Ostra" not in found, found
    assert "Ostra" in mentions_of(doc, "Ostra river"), mentions_of(doc, "Ostra river")


def test_the_organisation_no_body_answers_is_the_unnamed_author(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "This report summarises the organisation's findings on the shooting in Ostburg on "
        "3 May 2004. Survivors told the organisation that soldiers fired without warning."
    )
    assert labels(doc).get("organisation") == "Organization", labels(doc)
    # (the possessor "the organisation's" too)
    assert len(mentions_of(doc, "organisation")) == 2, mentions_of(doc, "organisation")


def test_the_government_no_body_answers_is_a_body_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Soldiers fired on the crowd in Ostburg on 3 May 2004. The government put the dead at "
        "31 and refused an inquiry; the government has not changed its figure. The parliament "
        "voted to set up an inquiry, and the commission found that 40 people had died. A new "
        "government took office in 2006. The court and the union said nothing."
    )
    found = labels(doc)
    assert found.get("government") == "Organization", found
    assert len(mentions_of(doc, "government")) == 2, mentions_of(doc, "government")
    assert found.get("commission") == "Organization", found
    assert found.get("parliament") == "Legislature", found
    # ("a new government": no body the story names; "the court", "the union": not read so)
    assert "new government" not in found and "court" not in found, found
    assert "union" not in found, found
    # British writing puts the body's word in capitals: the same body of its own
    doc = extract(
        "Soldiers fired on the crowd in Ostburg on 3 May 2004. The Government put the dead at "
        "31, and on 5 May the Government refused an inquiry."
    )
    assert labels(doc).get("Government") == "Organization", labels(doc)
    assert len(mentions_of(doc, "Government")) == 2, mentions_of(doc, "Government")


def test_a_name_beside_an_office_a_deputy_or_in_a_list_of_people_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """Names the model tags as bodies' that the words around them make people's: one name
    set off by commas beside an office ("the foreign minister, Korvati,"), a name after
    "deputy", and the last of a list of names with no "and"."""
    doc = extract(
        "The Westrian foreign minister, Korvati, accused Ostland of gassing its own people.\n"
        "Speech by deputy Taras Korvat (translated from Westrian)\n"
        "For the council of the association:\nKamil Ahmadli, Nigar Huseynova, Orest Stus"
    )
    found = labels(doc)
    assert found.get("Korvati") == "Person", found
    assert found.get("Taras Korvat") == "Person", found
    assert found.get("Orest Stus") == "Person", found
    # (not an apposition: "my uncle Vazgen's old Niva" names a car)
    doc = extract("On the 26th we left in my uncle Vazgen's old Niva.")
    assert labels(doc).get("Niva") != "Person", labels(doc)


def test_a_unit_named_by_its_number_is_that_unit_and_no_other(extract) -> None:  # type: ignore[no-untyped-def]
    """ "The 412th motorised rifle regiment" is a unit of its own, named by its number;
    "the 412th regiment" later is the same unit, and "the 9th Regiment" another one."""
    doc = extract(
        "On 3 May 1992 the 412th motorised rifle regiment of the former Westrian army shelled "
        "Ostburg. The 9th Regiment fired on the crowd. Officers of the 412th regiment later "
        "denied it."
    )
    found = labels(doc)
    assert found.get("412th motorised rifle regiment") == "MilitaryForce", found
    assert mentions_of(doc, "412th motorised rifle regiment") == [
        "412th motorised rifle regiment",
        "412th regiment",
    ], mentions_of(doc, "412th motorised rifle regiment")
    assert mentions_of(doc, "9th Regiment") == ["9th Regiment"], mentions_of(doc, "9th Regiment")
    # the model's name may leave the number out ("Army"): the number is part of it
    army = labels(extract("The 58th Army entered the city."))
    assert army.get("58th Army") == "MilitaryForce", army


def test_a_person_named_after_a_description_beside_a_place_stays_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """ "In Cork, the Tanaiste, Seamus Dolan, welcomed": the parse lists the name with the
    place, but a description with an article stands between; a list of places the model
    tags as people's stays places."""
    doc = extract(
        "In Cork, the Tanaiste, Seamus Dolan, welcomed the report as a vindication for the "
        "families. Soldiers searched the houses at Hong Seng, Tanjong Rhu and Pasir Lim."
    )
    found = labels(doc)
    assert found.get("Seamus Dolan") == "Person", found
    assert found.get("Tanjong Rhu") == "Place" and found.get("Pasir Lim") == "Place", found


def test_an_office_in_apposition_does_not_class_the_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Two soldiers were slightly hurt by acid bombs thrown from the flats.\n\nMajor General "
        "John Ford, Commander Land Forces, who watched the operation, said the troops had come "
        "under fire."
    )
    assert labels(doc).get("John Ford") == "Person", labels(doc)


def test_reporters_a_speaker_tells_are_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The mayor of Ostburg told reporters on Monday that 12 people had died. American "
        "reporters were later allowed into the town."
    )
    found = labels(doc)
    assert "reporters" not in found, found
    assert found.get("American reporters") == "Group", found


def test_the_person_who_owns_a_body_keeps_a_mention(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Stalin's secret police": the body and the person who owns it are both mentioned;
    a name with an article is no one's ("the Courier's offices")."""
    doc = extract(
        "In 1937 Stalin's secret police arrested the poet. Marshal Ion Antonescu's troops "
        "entered the town in 1941. A mob marched to the Courier's offices."
    )
    found = labels(doc)
    assert found.get("Stalin") == "Person", found
    assert found.get("Stalin's secret police") == "MilitaryForce", found
    assert any(v == "Person" and "Antonescu" in k and "troops" not in k for k, v in found.items())
    assert "Courier" not in found, found


def test_a_name_a_clause_of_who_describes_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Emeka Obi, who had filmed the march": a bare name the model left untagged is a
    person's when a relative clause of "who" describes it."""
    doc = extract(
        "Emeka Obi, who had filmed the march from a balcony, gave the films to the commission."
    )
    assert labels(doc).get("Emeka Obi") == "Person", labels(doc)


@pytest.mark.parametrize(
    ("text", "people", "not_people"),
    [
        # a noun set beside the name ("a young woman") or a clause of "who" says it is a
        # person's; a name with an article beside a noun of a body stays a body's
        (
            "A young woman, Brigitte Fontanel, hid in the barn. The death of Black Hawk, who "
            "was shot at the gate, angered the band. The strike was led by a new union, "
            "Nowa Praca.",
            ["Brigitte Fontanel", "Black Hawk"],
            ["Nowa Praca"],
        ),
        # names listed with "other" people of a calling; not with other villages
        (
            "Red Hawk, Grey Owl and other elders signed the treaty at Fort Laramie. "
            "Upper Dorsk, Lower Varnel and other villages were shelled.",
            ["Red Hawk", "Grey Owl"],
            ["Lower Varnel"],
        ),
    ],
)
def test_names_the_model_tags_as_bodies_that_the_text_shows_are_people(  # type: ignore[no-untyped-def]
    extract, text: str, people: list[str], not_people: list[str]
) -> None:
    """The model tags these names as a body's or a place's; the words around them say
    they are people's."""
    found = labels(extract(text))
    assert all(found.get(name) == "Person" for name in people), found
    assert all(found.get(name) != "Person" for name in not_people), found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        pytest.param(
            # the small model tags "Punjab" and "Aleppo" here as nationalities (NORP)
            "In March 1919 thousands fled to the Punjab. The riots reached the Kurdish "
            "neighbourhoods of Aleppo. The delegation appealed to the French.",
            {"Punjab": "Place", "Aleppo": "Place"},
            ["French"],
            id="a place the model tags as a people, after 'to' or a place noun",
        ),
        pytest.param(
            # the title word before "'s" owns the name: stripping it, as from "Lady Mehriban
            # Aliyeva", left "'s Office"; a capitalised word the model hangs on the title is
            # part of the name ("Attorney"), a lower-case one is not ("the federal ...")
            "The final text was delivered to the Attorney General's Office in November. "
            "Nixon appointed the President's Commission on Campus Unrest.",
            {"Attorney General's Office": "Organization", "President's Commission": "Organization"},
            ["'s Office", "'s Commission"],
            id="a body named for the office it serves keeps the title",
        ),
        pytest.param(
            # the model tags these as a place, a person and a product, or not at all
            "In 1939 the families were sent on to districts such as Kırklareli, Edirne and "
            "Balıkesir. The shootings spread to villages, such as Grošnica and Marsić, in the "
            "following days. They met writers such as Orhan Pamuk and Yaşar Kemal.",
            {
                **dict.fromkeys(
                    ("Kırklareli", "Edirne", "Balıkesir", "Grošnica", "Marsić"), "Place"
                ),
                "Orhan Pamuk": "Person",
            },
            [],
            id="names a plural place noun lists after 'such as' are places",
        ),
        pytest.param(
            # the model tags each of these as a body (ORG)
            "In 1961 Hollande threw a rose into the Seine. At noon some 2,000 students "
            "gathered on the Commons, the grassy field at the centre of the campus. Nemmersdorf "
            "is a village on the Angerapp.",
            {"Seine": "Place", "Commons": "Place", "Angerapp": "Place"},
            [],
            id="a name a spatial preposition governs is a place",
        ),
        pytest.param(
            # a name found in a heading counts only if the body names it too, but a byline's
            # person is named once; a newspaper's name over its date is no person
            "Krasnaya Zvezda, 24 January 1990\n\n"
            "The night the tanks came. By Hélène Marchetti, historian\n\n"
            "In January 1990 soldiers entered the city and fired on the crowd.",
            {"Hélène Marchetti": "Person"},
            ["Krasnaya Zvezda"],
            id="a person a heading names as a byline counts",
        ),
    ],
)
def test_the_class_a_name_takes_from_its_context(  # type: ignore[no-untyped-def]
    extract, text: str, expected: dict[str, str], absent: list[str]
) -> None:
    found = mention_labels([extract(text)], with_class=True)
    for name, cls in expected.items():
        assert found.get(name) == f"{name} ({cls})", name
    assert not [name for name in absent if name in found]


def test_on_after_a_name_or_a_figurative_verb_places_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags each of these as a body (ORG); "on" hangs on a verb or a name
    doc = extract(
        "The ministry calls on the CSTO and the United Nations to act. Gorbachev spoke on "
        "Central Television. Power passed to a State Committee on the State of Emergency."
    )
    found = labels(doc)
    assert found["CSTO"] == found["Central Television"] == "Organization"
    assert found.get("State of Emergency") != "Place"


def test_a_bare_group_is_the_one_group_named_with_that_word(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "In March 1921 Dorland police arrested forty Ostlander prisoners in Harwell. The "
        "prisoners were taken to the fortress the next day.\n\n"
        "Ostlander refugees and Varnish refugees reached Harwell in May. The refugees were "
        "housed in schools."
    )
    found = mention_labels([doc])
    assert found["prisoners"] == "Ostlander prisoners"
    assert found["refugees"] == "refugees"  # two groups so named: neither is meant


def test_a_force_is_one_whatever_words_for_its_men_the_text_uses(extract) -> None:  # type: ignore[no-untyped-def]
    quiet = (
        " The curfew was announced the next morning. The city was silent. Shops stayed closed. "
        "Buses did not run. "
    )
    units, guardsmen, headline, later, earlier, two = (
        extract(text)
        for text in (
            "In May 1921 the Dorland Army crossed the river into Ostland. Dorland Army units "
            "entered Harwell on 4 May.",
            "On 4 May 1970 Ostland National Guardsmen opened fire on students in Harwell, "
            "killing four.\n\nAn inquiry later heard that the guardsmen had not been shot at.",
            "TROOPERS ROUT HARWELL MARCHERS\n\nOn 7 March 1965 state troopers attacked some 600 "
            "marchers on the bridge at Harwell. The marchers were driven back into the town.",
            # generic words for a force, far from its name: the one force the text names
            "The Dorland Army entered Harwell at midnight."
            + quiet
            + "A week later army units still patrolled the empty streets.",
            "A week later army units still patrolled the streets of Harwell."
            + quiet
            + "In March the Dorland Army crossed the border.",
            "The Dorland Army and the Ostland Army entered Harwell at midnight."
            + quiet
            + "A week later army units still patrolled the empty streets.",
        )
    )
    assert mention_labels([units])["Dorland Army units"] == "Dorland Army"
    assert mention_labels([guardsmen])["guardsmen"] == "Ostland National Guardsmen"
    assert mention_labels([headline])["marchers"] == "marchers"  # a headline names no group
    assert mention_labels([later])["army units"] == "Dorland Army"
    assert mention_labels([earlier])["army units"] == "army units"  # named only after them
    assert mention_labels([two])["army units"] == "army units"  # either force they may be


def test_a_person_named_by_initials_or_fewer_given_names_is_the_one_named_in_full(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 2005 the deputy Ruslan Dorlov opened the session in Harwell. R. Dorlov "
        "said that the victims would never be forgotten.\n\n"
        "James Earl Tanner, a student, was killed on 14 May 1970. Witnesses said James Tanner "
        "had been standing near the dormitory.\n\n"
        "Rauf Vellan and Rasim Vellan spoke next. R. Vellan called for an inquiry.\n\n"
        "Yesterday Kamran Talibov came to the mission. Speaking in a low voice, K. A. Talibov "
        "said that he had come as a citizen. At the end Talibov left."
    )
    found = mention_labels([doc])
    assert found["R. Dorlov"] == "Ruslan Dorlov"
    assert found["James Tanner"] == "James Earl Tanner"
    assert found["R. Vellan"] == "R. Vellan"  # two people it may be: neither is meant
    # a given name and a patronymic's initials; then the surname alone has one owner
    assert found["K. A. Talibov"] == "Kamran Talibov", found
    assert found["Talibov"] == "Kamran Talibov", found


def test_a_person_is_labelled_without_middle_initials(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Foreign Ministry spokesman Arkady I. Dorlov told reporters that S. G. Vellan had "
        "been arrested."
    )
    people = entities_of(doc, HG.Person)
    assert "Arkady I. Dorlov" in people["Arkady Dorlov"].aliases  # the name as written stays
    assert mentions_of(doc, "Arkady Dorlov") == ["Arkady I. Dorlov"]
    assert "S. G. Vellan" in people  # initials alone: no given name to keep


def test_a_name_ends_at_the_line_of_a_letterhead_or_signature(extract) -> None:  # type: ignore[no-untyped-def]
    # the model reads "... of Dorland" on into the bulletin's title on the next line
    doc = extract(
        "Ministry of Fisheries of the Republic of Dorland\n"
        "Information Bulletin No. 4 on the flood of 3 March 2004\n\n"
        "Harwell, 5 March 2004\n\n"
        "The Ministry of Fisheries of the Republic of Dorland reports that forty people died "
        "in Harwell. The Dorland Red Cross demanded the withdrawal of the army from Baku;\n"
        "the release of those arrested was promised. The speech of President Heydar\n"
        "Aliyev was read out in the square that evening by a member of the Red Cross."
    )
    quotes = {doc.quote(m.span) for m in doc.mentions}
    assert "Ministry of Fisheries of the Republic of Dorland" in quotes
    assert not any("Bulletin" in label for label in labels(doc))
    assert "Baku" in quotes  # not "Baku;\n": a quote ends with the words it quotes
    assert "Heydar\nAliyev" in quotes  # a name wrapped in a paragraph of prose stays whole


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            # the model tags "the USSR Ruslan Dorlov" as one name, from "the" on
            "After the Chairman spoke, the floor was given to People's Deputy of the USSR "
            "Ruslan Dorlov, elected from a Harwell district.",
            {"Ruslan Dorlov": "Ruslan Dorlov (Person)", "USSR": "Soviet Union (State)"},
            id="a name the model tagged from the place before it is the person's",
        ),
        pytest.param(
            # the model hangs "the survivors" on "The DGK" as an apposition
            "The DGK recorded 1,272 deaths on the trains; the survivors we have spoken to "
            "remember thousands.",
            {"DGK": "DGK (Organization)", "survivors": "survivors (Group)"},
            id="nothing is in apposition across a semicolon",
        ),
        pytest.param(
            # the model makes "where" a modifier of "relatives"
            "Armed men surrounded the house of Anna Morrow, where relatives and neighbors, many "
            "of them children, had taken shelter.",
            {"Anna Morrow": "Anna Morrow (Person)", "relatives": "relatives (Group)"},
            id="a relative adverb is no part of a group",
        ),
        pytest.param(
            # the model hangs "US Army" on the name as an apposition
            "The review was led by Major General Peter Harlan, US Army, who submitted his "
            "report in June.",
            {"Peter Harlan": "Peter Harlan (Person)", "US Army": "US Army (MilitaryForce)"},
            id="a body set beside a person's full name is whom the person serves",
        ),
        pytest.param(
            # the parse takes the list for an apposition of the name
            "Witnesses included Rahim Aliyev, former residents of the village and relatives "
            "of the dead.",
            {
                "Rahim Aliyev": "Rahim Aliyev (Person)",
                "former residents": "former residents (Group)",
            },
            id="a group set beside a person's full name is no class of it",
        ),
    ],
)
def test_what_each_mention_names(  # type: ignore[no-untyped-def]
    extract, text: str, expected: dict[str, str]
) -> None:
    found = mention_labels([extract(text)], with_class=True)
    for mention, entity in expected.items():
        assert found.get(mention) == entity, mention


def test_an_adjective_before_the_number_is_no_part_of_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    # the model makes "dead" in "shot dead" a modifier of "miners"
    doc = extract("Eleven years later the militia shot dead nine miners at the Wujek colliery.")
    assert "miners" in labels(doc)
    assert not any("dead" in label for label in labels(doc))


def test_a_groups_label_leaves_out_how_the_source_sees_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Soldiers fired on unarmed residents at the barricades. The next day a huge crowd "
        "gathered, and the residents buried their dead. By evening the remaining government "
        "troops had withdrawn."
    )
    assert labels(doc).get("residents") == "Group"
    assert labels(doc).get("crowd") == "Group"
    assert labels(doc).get("government troops") == "MilitaryForce"  # a force's label too
    assert not any(
        word in label for label in labels(doc) for word in ("unarmed", "huge", "remaining")
    )
    # the source's words stay in the quotes, and both phrases name one group
    assert mentions_of(doc, "residents") == ["unarmed residents", "residents"]
    assert mentions_of(doc, "crowd") == ["huge crowd"]


@pytest.mark.parametrize(
    ("text", "name", "cls"),
    [
        pytest.param(
            # the model tags "Nino" here as a place (GPE)
            '"They died so that we could live in a free country," said Nino, 52, who laid '
            "roses at the memorial.",
            "Nino",
            "Person",
            id="a name followed by an age is a person's",
        ),
        pytest.param(
            # (no mention at all before "fusiliers" was a force's head word)
            "Companies of the Dorland Fusiliers are now quartered at Harwell.",
            "Dorland Fusiliers",
            "MilitaryForce",
            id="fusiliers are a force",
        ),
        pytest.param(
            "A mine left behind by Soviet sappers blew up the building.",
            "Soviet sappers",
            "MilitaryForce",
            id="sappers are a force",
        ),
        pytest.param(
            # the model tags "Kelbor" as a body's name
            "By noon the column had reached Kelbor.",
            "Kelbor",
            "Place",
            id="what is reached is a place",
        ),
        pytest.param(
            # the model tags "Dorlov" as a person's name
            "The columns entered the town from the barracks, along the Dorlov road and from "
            "the sea.",
            "Dorlov road",
            "Place",
            id="a route named by a proper name is a place",
        ),
        pytest.param(
            # the model tags "CSCE" as a body; "at" had made it a place
            "The minister said his country would raise the matter at the CSCE.",
            "CSCE",
            "Organization",
            id="a body's initials after 'at' are the body's",
        ),
        pytest.param(
            # the model tags "Lezgins" here as a place (GPE)
            "The register of the dead names Armenians, Lezgins, Jews and Tats.",
            "Lezgins",
            "Group",
            id="a plural name listed with peoples is a people (tagged)",
        ),
        pytest.param(
            # the model leaves "Lezgins" untagged here
            "The pogrom killed Greeks, Lezgins and Armenians alike.",
            "Lezgins",
            "Group",
            id="a plural name listed with peoples is a people (untagged)",
        ),
        pytest.param(
            # the model leaves "Rabindranath Tagore" untagged here
            "Rabindranath Tagore, within weeks of the slaughter, returned his knighthood in "
            "protest and chose to stand beside his countrymen.",
            "Rabindranath Tagore",
            "Person",
            id="a name 'his' or 'her' refers back to is a person's",
        ),
        pytest.param(
            # (labelled "Republic of Polish People", as "Azerbaijan's mission" is "mission of
            # Azerbaijan")
            "In June 1956 the Polish People's Republic sent tanks against the workers.",
            "Polish People's Republic",
            "State",
            id="a name written with a possessive keeps its words",
        ),
        pytest.param(
            # the "where" clause hangs on "Stalin" in the parse; it describes the works
            "The strike began in the morning at the Harwell engine works, then named after "
            "Joseph Stalin, where the crews had demanded higher pay for months.",
            "Joseph Stalin",
            "Person",
            id="whom something is named after is no place of the clause after it",
        ),
        pytest.param(
            # the model hangs each word of "Royal Irish Constabulary" on "men"; its root is
            # "Royal"
            "That afternoon Royal Irish Constabulary men drove to the ground in lorries.",
            "Royal Irish Constabulary",
            "MilitaryForce",
            id="a name before a noun is classed by its last word",
        ),
        pytest.param(
            # the gazetteer knows "General Assembly" as the United Nations'
            "In 1919 the Arkansas General Assembly passed a law against the union.",
            "Arkansas General Assembly",
            "Legislature",
            id="a body's name that a known name ends is the model's, not the known body",
        ),
        pytest.param(
            "The Islamic Consultative Assembly condemned the attack on Halabja.",
            "Islamic Consultative Assembly",
            "Legislature",
            id="an assembly of the lexicon's head phrases is a legislature",
        ),
        pytest.param(
            # the model leaves "Urt" untagged here
            "Soldiers opened fire on Georgian positions near the village of Urt in Imereti.",
            "Urt",
            "Place",
            id="the name a settlement noun is 'of' is a place",
        ),
        pytest.param(
            # the model leaves "Tomáš Kovář" untagged here; "Deputy Minister of Culture" is
            # hung on the name too, so the name is the run of proper nouns just before it
            "The speech was delivered by Deputy Minister of Culture Tomáš Kovář at the ceremony.",
            "Tomáš Kovář",
            "Person",
            id="an office before a name is no part of it",
        ),
        pytest.param(
            # the model leaves "Nargiz Aliyeva" untagged here
            "Foreign Ministry spokesperson Nargiz Aliyeva said that the talks would resume.",
            "Nargiz Aliyeva",
            "Person",
            id="a calling before a name is no part of it",
        ),
        pytest.param(
            # the model tags the name as a building's
            "In the capital the Oregon Chamber of Commerce denounced the killings.",
            "Oregon Chamber of Commerce",
            "Organization",
            id="a chamber of commerce is a body",
        ),
        pytest.param(
            # the tagger takes "works" for a verb here, and "Z. Wolski" for a person
            "The strike began at dawn at the Z. Wolski works, where the crews worked.",
            "Z. Wolski works",
            "Place",
            id="a noun the tagger took for a verb heads a phrase",
        ),
        pytest.param(
            "That evening Peace League volunteers carried the wounded to the hospital.",
            "Peace League volunteers",
            "Group",
            id="a body's volunteers are a group",
        ),
        pytest.param(
            "After the match Dinamo fans attacked the visiting supporters.",
            "Dinamo fans",
            "Group",
            id="a club's fans are a group",
        ),
        pytest.param(
            # the model leaves "Pamyat" untagged here
            "The Russian human rights centre Pamyat counted about 200 bodies in the town.",
            "Pamyat",
            "Organization",
            id="a name a body's noun describes is a body (untagged)",
        ),
        pytest.param(
            # the model tags "Truth" as a place here
            "The Russian human rights centre Truth counted about 200 bodies in the town.",
            "Truth",
            "Organization",
            id="a name a body's noun describes is a body (tagged)",
        ),
    ],
)
def test_a_name_takes_its_class_from_the_words_around_it(  # type: ignore[no-untyped-def]
    extract, text: str, name: str, cls: str
) -> None:
    found = labels(extract(text))
    assert found.get(name) == cls, found


def test_a_quoted_name_is_named_without_the_words_before_its_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    """'proclaimed a separate "Ostland Republic"': the state is the "Ostland Republic",
    not 'separate "Ostland Republic'; the "Shield" commission is the Shield commission."""
    doc = extract(
        'In May 1992 the rebels of Ostburg proclaimed a separate "Ostland Republic". The '
        'report of the "Shield" commission blamed the army.'
    )
    found = labels(doc)
    assert found.get("Ostland Republic") == "State", found
    assert found.get("Shield commission") == "Organization", found
    assert not any('"' in label for label in found), found
    # the evidence quotes the quoted name whole, both its quotation marks
    quotes = {doc.quote(m.span) for m in doc.mentions}
    assert '"Shield" commission' in quotes, quotes


def test_a_make_named_before_a_thing_is_no_agent(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Grad rockets", "Grad launchers": the name of a make or model before a common noun
    that is no class's head word names no body or person (the model tags this one a
    person's); an acronym so placed does ("OSB agents"), and a name standing alone stays
    one."""
    doc = extract(
        "All that winter Grad rockets fell on Ostburg. They had Grad launchers and old tanks. "
        "OSB agents arrested the organisers. Later Marek Tarkan denied it."
    )
    found = labels(doc)
    assert "Grad" not in found, found
    assert found.get("OSB") == "Organization", found
    assert found.get("Marek Tarkan") == "Person", found


def test_a_one_word_head_of_a_name_with_of_is_that_body(extract) -> None:  # type: ignore[no-untyped-def]
    """ "The House of Commons ... the House": the chamber, not a house; "the Ministry of
    Defence of Westria ... the Ministry": the ministry."""
    doc = extract(
        "In July 1920 the House of Commons debated the shooting at Ostburg. After a long "
        "speech the House censured the general. The Ministry of Defence of Westria denied "
        "the figures, and the Ministry later refused an inquiry."
    )
    found = labels(doc)
    assert "House" not in found and "Ministry" not in found, found
    assert mentions_of(doc, "House of Commons") == ["House of Commons", "House"]
    assert mentions_of(doc, "Ministry of Defence of Westria") == [
        "Ministry of Defence of Westria",
        "Ministry",
    ]


def test_fighters_of_a_people_are_a_force(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Westrian fighters attacked": a force (``hg:headWord`` "fighters"), which "the
    fighters" later refers back to."""
    doc = extract(
        "On 3 May 1992 Westrian fighters attacked Ostburg at dawn. The fighters withdrew in "
        "the evening."
    )
    assert labels(doc).get("Westrian fighters") == "MilitaryForce", labels(doc)
    assert mentions_of(doc, "Westrian fighters") == ["Westrian fighters", "fighters"]


def test_a_surname_the_model_takes_for_a_nationality_is_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    """ "demanding that Pashinyan resign": a surname's shape (``hg:surnameEnding``), tagged as
    a nationality by the model, standing as a noun: a person; "Armenian" before a noun
    stays a people's word."""
    doc = extract(
        "Thousands of opposition supporters rallied again on Saturday in Freedom Square, "
        "demanding that Pashinyan resign over the agreement. Armenian troops withdrew."
    )
    found = labels(doc)
    assert found.get("Pashinyan") == "Person", found
    assert "Armenian" not in found, found


def test_the_last_word_of_a_name_is_what_it_names(extract) -> None:  # type: ignore[no-untyped-def]
    """ "The Westrian Union ... the Union", "the Ostland Empire ... the Empire": the state
    named before, though the word alone names nothing."""
    doc = extract(
        "The Westrian Union sent troops to Ostburg in May 1990. By 1991 the Union was "
        "falling apart. The Ostland Empire ruled Carpia. In 1947 the Empire gave up Carpia."
    )
    assert mentions_of(doc, "Westrian Union") == ["Westrian Union", "Union"], labels(doc)
    assert mentions_of(doc, "Ostland Empire") == ["Ostland Empire", "Empire"], labels(doc)


def test_what_people_were_taken_as_is_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    """ "were taken away as hostages", "held as prisoners": what the villagers were taken
    for, no group the text refers to; the same nouns as subjects are groups, and so is "the
    hostages" after "as" ("as the hostages walked out")."""
    doc = extract(
        "In March 1921 some 40 villagers of Ostburg were taken away as hostages, and their "
        "elders were held as prisoners. A week later refugees reached the coast. Crowds "
        "cheered as the defenders walked out."
    )
    found = labels(doc)
    assert "hostages" not in found, found
    assert "prisoners" not in found, found
    assert found.get("refugees") == "Group", found
    assert found.get("defenders") == "Group", found


def test_a_name_is_never_extended_over_a_full_stop(extract) -> None:  # type: ignore[no-untyped-def]
    """ "ST. PETERSBURG, 12 April 1912.": the tokenizer splits the capitals' "ST." and the
    model tags the full stop as a proper noun; no name's evidence starts with it."""
    doc = extract(
        "ST. PETERSBURG, 12 April 1912. (From our correspondent.) Yesterday the deputies "
        "of the Duma heard the minister."
    )
    quotes = [doc.quote(m.span) for m in doc.mentions]
    assert quotes, quotes
    assert all(q[:1].isalnum() for q in quotes), quotes


def test_labels_keep_hyphenated_words_and_leave_out_words_of_a_date(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the families of the non-combatants" is not cut at the hyphen the tokenizer splits
    off; "Every year since, mourners climb": "since" belongs to the date, not to the group;
    "the Armenian quarter", which the model tags as a date, is still a place."""
    doc = extract(
        "In 1972 the army apologised to the families of the non-combatants it had killed. "
        "Every year since, mourners carrying red carnations climb to the hill above the town. "
        "In November 1988 crowds attacked the Armenian quarter of Kirovabad."
    )
    found = labels(doc)
    assert found.get("families of the non-combatants") == "Group", found
    assert found.get("mourners") == "Group", found
    assert found.get("Armenian quarter of Kirovabad") == "Place", found
    assert not any(label.startswith(("since", "of ")) for label in found), found


def test_no_label_takes_a_count_or_the_words_before_a_quantifier(extract) -> None:  # type: ignore[no-untyped-def]
    """ "recorded 3,825 dead soldiers": the count is no part of the force's label; "on the
    square, many mourners" (the model reads "square" as an adjective): the group is the
    mourners."""
    doc = extract(
        "At the gates of the park and on the square, many mourners, among them teachers, "
        "stood in silence. The ministry recorded 3,825 dead soldiers, while officials said "
        "85 civilians had died."
    )
    found = labels(doc)
    assert found.get("mourners") == "Group", found
    assert found.get("dead soldiers") == "MilitaryForce", found
    assert not any("," in label or label[:1].isdigit() for label in found), found


def test_what_a_thing_is_said_to_be_is_no_entity_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    """ "Marlow was a small, predominantly Black town in Kessel County" (the model misses
    "Marlow"), "The Red Shield is a neutral, impartial and independent humanitarian
    organisation": a description, no second place or body. A subject the model found takes
    the description as one more mention ("Kettleby was a small town ...")."""
    doc = extract(
        "Marlow was a small, predominantly Black town in Kessel County whose residents "
        "worked at the mill. The Red Shield is a neutral, impartial and independent "
        "humanitarian organisation. It takes no sides. Kettleby was a small, predominantly "
        "Black town in Kessel County."
    )
    found = labels(doc)
    assert found.get("Kessel County") == "Place", found
    assert not any(label.endswith(("town in Kessel County", "organisation")) for label in found), (
        found
    )
    described = [m for m in doc.mentions if doc.quote(m.span).endswith("town in Kessel County")]
    assert [doc.entities[m.entity].label for m in described] == ["Kettleby"], found


def test_a_list_number_is_no_part_of_a_label(extract) -> None:  # type: ignore[no-untyped-def]
    """ "2. The militia.": a numbered section's heading; the force is "militia"."""
    doc = extract(
        "The strike began in September.\n\n2. The militia. On 28 October the governor "
        "ordered the militia to the strike district."
    )
    found = labels(doc)
    assert found.get("militia") == "MilitaryForce", found
    assert not any(label[:1].isdigit() for label in found), found


def test_a_place_noun_hung_on_a_personal_name_does_not_make_it_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the head of the district executive committee, Farid Guliyev, almost the whole
    district, ...": the parse hangs "district" on the name the model tags as a person's;
    a given name and a surname stay a person."""
    doc = extract(
        "According to the head of the district executive committee, Farid Guliyev, almost the "
        "whole district, some 40,000 people, had left by the evening."
    )
    assert labels(doc).get("Farid Guliyev") == "Person", labels(doc)


def test_what_an_office_is_of_is_no_body_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the Minister of the Interior", "the Secretary of State for the Colonies": the
    portfolio the model tags as a body is part of the office, not a body; a body named
    after an office keeps its own mention when a head word or an acronym names it."""
    doc = extract(
        "Mr. Dalton, the Minister of the Interior, repeated this account before the chamber. "
        "The Secretary of State for the Colonies appointed a commission of inquiry. "
        "Nadia Ferrant, Vice-President of the Marlowe Foundation, laid a wreath. "
        "The Chairman of the KGB denied the report."
    )
    found = labels(doc)
    assert not {"Interior", "State", "Colonies"} & set(found), found
    assert found.get("Marlowe Foundation") == "Organization", found
    assert found.get("KGB") in {"Organization", "MilitaryForce"}, found


def test_an_office_set_before_its_holders_name_is_no_body_or_place(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the Taoiseach, Brian Cowen", "The Intendant of Tarapacá, Carlos Eastman": an office
    the model tags as a name is the person's, whose name follows; "the head of the Gulag,
    Comrade Dolgikh" keeps the body the head is of."""
    doc = extract(
        "In Dublin, the Taoiseach, Brian Cowen, welcomed the findings. "
        "The Intendant of Tarapacá, Carlos Eastman, declared a state of siege. "
        "The head of the Gulag, Comrade I. I. Dolgikh, arrived from Moscow."
    )
    found = labels(doc)
    assert found.get("Brian Cowen") == "Person", found
    assert found.get("Carlos Eastman") == "Person", found
    assert not {"Taoiseach", "Intendant of Tarapacá"} & set(found), found
    assert "Gulag" in found, found


def test_names_the_model_took_for_places_or_bodies_are_persons_by_their_cues(extract) -> None:  # type: ignore[no-untyped-def]
    """A surname after a title though it has a capital inside ("Sheriff McCready"), one
    name a clause of "who" describes ("Rustam, who was 24"), a surname of a known shape
    the model tagged as a body's ("sent Gorelov and Avakyan"): persons."""
    doc = extract(
        "She was holding a photograph of Rustam, who was 24 when he died. "
        "The ministry had already sent Gorelov and Avakyan; they stayed behind the soldiers. "
        "After Sheriff McCready told him that he could raise no posse, the mayor left."
    )
    found = labels(doc)
    for name in ("Rustam", "Gorelov", "Avakyan", "McCready"):
        assert found.get(name) == "Person", found


def test_a_given_name_the_model_split_from_its_surname_is_one_person() -> None:
    """The model's "Ruben" (a body) and "Vardanyan" (a nationality), one name written as
    two: one person. The model's split depends on the exact words, so the test sets it by
    hand, on a copy of the model of its own."""
    doc = extract_with_tags(
        "Among them Karen Sargsyan, have been detained.",
        lambda d: [*words_tagged(d, ["Karen"], "ORG"), *words_tagged(d, ["Sargsyan"], "NORP")],
    )
    found = labels(doc)
    assert found.get("Karen Sargsyan") == "Person", found
    assert "Karen" not in found, found


def test_a_surname_the_model_took_for_a_peoples_name_joins_the_full_name() -> None:
    """ "headed by Tevosian": the model may tag a surname with a people's ending ("-ian") as a
    nationality; alone, it is still the one person named in full with it. The tags are set by
    hand, on a copy of the model of its own."""
    doc = extract_with_tags(
        "The strike committee was led by A. K. Tevosian. A commission, headed by Tevosian, "
        "took command.",
        lambda d: [s for s in words_tagged(d, ["Tevosian"], "NORP") if d[s.start - 1].text != "K."],
    )
    assert mentions_of(doc, "A. K. Tevosian") == ["A. K. Tevosian", "Tevosian"], labels(doc)


def test_a_name_the_model_took_for_a_persons_after_a_spatial_preposition_is_a_place() -> None:
    """ "fired on Calea Morilor", "a meeting on St Anne's Field": a name after a preposition
    that places it in space, with no person's cue, is a place though the model tags it a
    person's; one after a title stays a person ("marched on Colonel Petrescu"). The tags are
    set by hand, on a copy of the model of its own."""
    names = (["Calea", "Morilor"], ["St", "Anne", "'s", "Field"], ["Petrescu"])
    doc = extract_with_tags(
        "Soldiers fired on the crowd on Calea Morilor. A meeting was held on St Anne's "
        "Field. The crowd marched on Colonel Petrescu.",
        lambda d: [s for words in names for s in words_tagged(d, words, "PERSON")],
    )
    found = labels(doc)
    assert found.get("Calea Morilor") == "Place", found
    assert found.get("St Anne's Field") == "Place", found
    assert found.get("Petrescu") == "Person", found


def test_a_site_named_with_a_possessive_is_one_place(extract) -> None:  # type: ignore[no-untyped-def]
    """ "the Fox's Gate": the possessive is part of the site's name, though the model tags
    the possessor alone as a name; no "Gate of Fox" and no body "Fox"."""
    doc = extract("At dawn the cavalry broke through at the Fox's Gate and took the heights.")
    found = labels(doc)
    assert found.get("Fox's Gate") == "Place", found
    assert not {"Fox", "Gate of Fox"} & set(found), found


def test_a_name_after_a_known_body_and_its_of_is_a_name_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    """The model's one name "the Minsk Group of the Conference on Security and Cooperation":
    the known body, then the body it is "of", each a name."""
    doc = extract(
        "Mediation by the Minsk Group of the Conference on Security and Cooperation in Europe "
        "went on for years."
    )
    found = labels(doc)
    assert found.get("OSCE Minsk Group") == "Organization", found
    assert found.get("Conference on Security and Cooperation") == "Organization", found


def test_an_untagged_name_listed_with_a_place_after_in_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    """ "in Dumuria, Batiaghata and along the river": the model tags the first place and
    leaves the second untagged; a conjunct of the object of a locative preposition is a
    place too. (Real place names: the model's miss depends on the words.)"""
    doc = extract(
        "The army carried out sweeping operations across the district, in Dumuria, "
        "Batiaghata and along the river."
    )
    found = labels(doc)
    assert found.get("Dumuria") == "Place", found
    assert found.get("Batiaghata") == "Place", found


def test_a_name_the_model_left_untagged_before_an_age_is_a_persons() -> None:
    doc = extract_with_tags(
        'Hundreds of pupils laid flowers at the memorial. "My grandfather told me about that '
        'night," said Aysel, 15, who came with her class.',
        lambda d: words_tagged(d, ["Aysel"], ""),  # the model may leave the name untagged
    )
    assert labels(doc).get("Aysel") == "Person", labels(doc)


def test_a_surname_the_model_left_untagged_as_a_subject_is_a_persons() -> None:
    # one word of a surname's shape doing what people do; "Mr Tarverdiyev" (a title and the
    # surname) joins the full name before the bare surname looks for its owner
    text = (
        "The deputies met on 3 May. Gasimov refused to sign the appeal, and Tarverdiyev "
        "resigned. Critics had accused Prime Minister Emil Tarverdiyev of silence; Mr "
        "Tarverdiyev denied it."
    )
    doc = extract_with_tags(
        text,
        lambda d: [
            *words_tagged(d, ["Gasimov"], ""),
            *words_tagged(d, ["and", "Tarverdiyev"], ""),
            *words_tagged(d, ["Mr", "Tarverdiyev"], "PERSON"),
        ],
    )
    people = {e.label for e in doc.entities.values() if e.cls == HG.Person}
    assert people == {"Gasimov", "Emil Tarverdiyev"}, people
    named = [
        doc.entities[m.entity].label for m in doc.mentions if "Tarverdiyev" in doc.quote(m.span)
    ]
    assert named == ["Emil Tarverdiyev"] * 3, named


def test_a_ruler_word_a_user_adds_names_a_nations_rulers(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A word a user adds with ``hg:rulerNoun`` joins a nation's rulers as the lexicon's own
    do ("the Soviet authorities", "the government of Azerbaijan"): one body, labelled by
    the nation's adjective."""
    texts = (
        "The Chilean junta imposed a curfew on 11 September. Two days later the junta of "
        "Chile banned all parties.",
    )
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Organization hg:headWord "junta" .\n')

    def juntas() -> set[str]:
        (doc,) = extract_with(nlp, onto, texts)
        return {e.label for e in doc.entities.values() if "junta" in e.label.lower()}

    assert len(juntas()) == 2, juntas()
    extend_ontology(onto, "rulers", 'hg:Organization hg:rulerNoun "junta" .\n')
    assert juntas() == {"Chilean junta"}, juntas()


def test_nation_words_a_user_adds_name_a_nations_forces_people_and_state(
    nlp, ontology_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    """Words a user adds with ``hg:nationalForceNoun``, ``hg:nationalPeopleNoun`` and
    ``hg:stateNoun`` work as the lexicon's own do: "Chilean troops" and "the Chilean
    militia" are one force, "the Chilean people" and "the Chilean populace" one group, "the
    Soviet superpower" the Soviet Union of the gazetteer."""
    texts = (
        "Chilean troops entered the town on 11 September. Two days later the Chilean militia "
        "burned the market.",
        "The Chilean people mourned the dead. The Chilean populace marched in silence.",
        "The deportations were ordered by the Soviet superpower in 1944.",
    )
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Group hg:headWord "populace" .\n')

    def found() -> list[set[tuple[str, str]]]:
        docs = extract_with(nlp, onto, texts)
        return [{(e.label, e.cls.split("#")[-1]) for e in d.entities.values()} for d in docs]

    forces, peoples, states = found()
    assert {("Chilean troops", "MilitaryForce"), ("Chilean militia", "MilitaryForce")} <= forces
    assert {("Chilean people", "Group"), ("Chilean populace", "Group")} <= peoples
    assert ("Soviet Union", "State") not in states, states
    extend_ontology(
        onto,
        "nations",
        'hg:MilitaryForce hg:nationalForceNoun "militia" .\n'
        'hg:Group hg:nationalPeopleNoun "populace" .\n'
        'hg:State hg:stateNoun "superpower" .\n',
    )
    forces, peoples, states = found()
    assert ("Chilean militia", "MilitaryForce") not in forces, forces
    assert ("Chilean troops", "MilitaryForce") in forces, forces
    assert peoples == {("Chilean people", "Group")}, peoples
    assert ("Soviet Union", "State") in states, states


def test_a_bodys_troops_and_its_units_are_one_force(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Interior Ministry troops were already stationed in the city. On 20 January "
        "Interior Ministry units fired on the crowd, and Interior Ministry troops sealed "
        "the square."
    )
    forces = entities_of(doc, HG.MilitaryForce)
    assert set(forces) == {"Interior Ministry troops"}, forces
    assert "Interior Ministry units" in forces["Interior Ministry troops"].aliases


def test_an_adjective_before_a_nations_name_leaves_its_rulers_one_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "On 20 January 1990 the Soviet leadership sent troops into Baku. The crime of the "
        "totalitarian Soviet regime was condemned in 1994. In April 1993 local Armenian "
        "forces occupied Kalbajar. The armed forces of Armenia denied any part in it."
    )
    bodies = entities_of(doc, HG.Organization)
    assert set(bodies) == {"Soviet leadership"}, bodies
    assert "totalitarian Soviet regime" in bodies["Soviet leadership"].aliases
    forces = {e.label for e in doc.entities.values() if e.cls == HG.MilitaryForce}
    assert forces == {"Armenian armed forces", "local Armenian forces"}, forces


def test_people_by_their_relation_after_a_possessive_pronoun_are_no_group(
    nlp, ontology_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    """A relational group noun (``hg:relationalGroupNoun``) after a possessive pronoun alone
    names no group ("its organisers", "their relatives": the text does not say here whose);
    with "of" or a named possessor it still does; a word a user adds works the same way."""
    texts = (
        "He condemned the massacre and demanded that its organisers be punished. Refugees "
        "could not visit their relatives. The organisers of the rally were arrested, and the "
        "survivors' relatives gathered in the square.",
        "The court named the crime and its accomplices. The accomplices of the governor fled.",
    )
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Group hg:headWord "accomplices" .\n')

    def groups() -> list[list[int]]:
        docs = extract_with(nlp, onto, texts)
        return [
            sorted(
                m.span.start
                for m in d.mentions
                if d.entities[m.entity].cls == HG.Group
                and d.quote(m.span) in {"organisers", "relatives", "accomplices"}
            )
            for d in docs
        ]

    first, second = groups()
    text = texts[0]
    assert first == [text.index("organisers of"), text.index("relatives gathered")], first
    assert len(second) == 2, second
    extend_ontology(onto, "relations", 'hg:Group hg:relationalGroupNoun "accomplices" .\n')
    _, second = groups()
    assert second == [texts[1].index("accomplices of")], second


def test_the_people_whose_a_relative_clause_names_are_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The human rights group Memorial, whose investigators reached the area in March, "
        "counted the dead. The investigators of the procuracy disagreed."
    )
    doc = extract(text)
    starts = [m.span.start for m in doc.mentions if doc.quote(m.span) == "investigators"]
    assert starts == [text.index("investigators of")], starts


def test_an_ethnic_nationality_after_an_article_is_no_people(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Moscow installed Gennady Kolbin, an ethnic Russian with no ties to the republic. "
        "Clashes between ethnic Kyrgyz and ethnic Uzbeks followed."
    )
    groups = {e.label for e in doc.entities.values() if e.cls == HG.Group}
    assert groups == {"Kyrgyz", "Uzbeks"}, groups


def test_a_crowd_of_a_group_is_that_group(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A gathering noun (``hg:gatheringNoun``) with "of" and a group is that group ("a crowd
    of students" are the students, no crowd of their own); "the mob" alone refers back to
    the protesters named before, as "the crowd" does; a word a user adds does both."""
    texts = (
        "On 14 May the Highway Patrol opened fire on a crowd of students in front of the hall.",
        "Demonstrators marched to the square on 3 March. That evening troops fired on the mob.",
        "On 2 June police charged a horde of strikers at the mill gates.",
    )
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Group hg:headWord "horde" .\n')

    def groups() -> list[dict[str, str]]:
        docs = extract_with(nlp, onto, texts)
        return [{d.quote(m.span): d.entities[m.entity].label for m in d.mentions} for d in docs]

    students, mob, horde = groups()
    assert students["crowd"] == students["students"] == "students", students
    assert mob["mob"] == mob["Demonstrators"], mob
    assert horde["horde"] != horde["strikers"], horde
    extend_ontology(onto, "gatherings", 'hg:Group hg:gatheringNoun "horde" .\n')
    *_, horde = groups()
    assert horde["horde"] == horde["strikers"] == "strikers", horde


#: Head words of the lexicon added in session 48 (ontology 0.38.0 to 0.43.0): a sentence and
#: the class each phrase it names must have. Each case fails without its words.
_HEAD_WORD_CASES = [
    (
        "The county coroner said the four men had died of gunshot wounds. A second cameraman "
        "filmed the march.",
        {"county coroner": "Person", "cameraman": "Person"},
    ),
    (
        "The prisoners were herded into the exercise yard. Shops in the old bazaar were "
        "burned, and a schoolboy was shot. The second platoon opened fire.",
        {
            "exercise yard": "Place",
            "old bazaar": "Place",
            "schoolboy": "Person",
            "second platoon": "MilitaryForce",
        },
    ),
    (
        "The first returnees reached the village in July. Rights monitors counted the graves, "
        "and local politicians blamed the magistrates.",
        {
            "returnees": "Group",
            "Rights monitors": "Group",
            "local politicians": "Group",
            "magistrates": "Organization",
        },
    ),
    (
        "A Turkish delegation laid flowers. Armenian authors disputed the count, and the "
        "diaspora held vigils. Foreign interventionists and local combatants fought on.",
        {
            "Turkish delegation": "Group",
            "Armenian authors": "Group",
            "diaspora": "Group",
            "Foreign interventionists": "MilitaryForce",
            "local combatants": "MilitaryForce",
        },
    ),
    (
        "The weavers walked out, and armed townsmen joined them. Anarchists and voters crowded "
        "the square. The district executive and the municipal archive closed; an oral-history "
        "project later recorded it.",
        {
            "weavers": "Group",
            "armed townsmen": "Group",
            "Anarchists": "Group",
            "voters": "Group",
            "district executive": "Organization",
            "municipal archive": "Organization",
            "oral-history project": "Organization",
        },
    ),
    (
        "Protesters gathered outside the Almaty city akimat on 5 January.",
        {"Almaty city akimat": "Place"},
    ),
    (
        "The Federation Council approved the decree. The Iraqi Council of Representatives and "
        "the Punjab Vidhan Sabha passed resolutions.",
        {
            "Federation Council": "Legislature",
            "Iraqi Council of Representatives": "Legislature",
            "Punjab Vidhan Sabha": "Legislature",
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    _HEAD_WORD_CASES,
    ids=["people", "sites", "groups", "delegations", "callings", "akimat", "legislatures"],
)
def test_head_words_give_the_phrases_they_head_their_class(extract, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = labels(extract(text))
    assert {name: found.get(name) for name in expected} == expected, found


def test_a_loose_body_word_a_user_adds_needs_a_name(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A body head word a user also lists with ``hg:looseBodyNoun`` makes no body of
    describing words alone ("a parliamentary bloc"), as "movement" does not."""
    texts = ("In 1990 a parliamentary bloc was formed in Baku.",)
    onto = ontology_copy
    extend_ontology(onto, "heads", 'hg:Organization hg:headWord "bloc" .\n')

    def found() -> dict[str, str]:
        (doc,) = extract_with(nlp, onto, texts)
        return {e.label: e.cls.split("#")[-1] for e in doc.entities.values()}

    assert found().get("parliamentary bloc") == "Organization", found()
    extend_ontology(onto, "loose", 'hg:Organization hg:looseBodyNoun "bloc" .\n')
    assert "parliamentary bloc" not in found(), found()


def test_a_given_name_a_user_adds_makes_a_persons_name(nlp, ontology_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """A given name a user lists with ``hg:givenName`` (in any case, with or without its
    accents) makes a name the model tagged as a body's a person's."""
    texts = ("A letter from Klaus Ebner was read aloud.",)
    onto = ontology_copy
    lexicon = onto / "lexicon.ttl"
    lexicon.write_text(
        lexicon.read_text(encoding="utf-8").replace('"Klaus", ', ""), encoding="utf-8"
    )

    def found() -> dict[str, str]:
        (doc,) = extract_with(nlp, onto, texts)
        return {e.label: e.cls.split("#")[-1] for e in doc.entities.values()}

    assert found().get("Klaus Ebner") == "Organization", found()
    extend_ontology(onto, "names", 'hg:Person hg:givenName "KLÄUS" .\n')
    assert found().get("Klaus Ebner") == "Person", found()


def test_seat_and_people_words_a_user_adds_name_a_bodys_site_and_a_places_people(
    nlp, ontology_copy: Path
) -> None:  # type: ignore[no-untyped-def]
    """A word a user adds with ``hg:seatNoun`` names the site of a body as "building" does
    ("the compound of the State Broadcasting Committee" is the "State Broadcasting Committee
    compound"), and one added with ``hg:nationalPeopleNoun`` names the people of a place as
    "population" does ("the populace of Jabrayil")."""
    texts = (
        "On 20 August 1991 paratroopers surrounded the compound of the State Broadcasting "
        "Committee in Riga.",
        "In 1993 the populace of Jabrayil was expelled from the district.",
    )
    onto = ontology_copy
    extend_ontology(  # (a place's word, and a people's word as generic as "population")
        onto,
        "heads",
        'hg:Place hg:headWord "compound" .\n'
        'hg:Group hg:headWord "populace" ; hg:genericGroupNoun "populace" .\n',
    )

    def found() -> list[dict[str, str]]:
        docs = extract_with(nlp, onto, texts)
        return [{e.label: e.cls.split("#")[-1] for e in d.entities.values()} for d in docs]

    sites, peoples = found()
    assert "State Broadcasting Committee compound" not in sites, sites
    assert "populace of Jabrayil" not in peoples, peoples
    extend_ontology(
        onto,
        "seats",
        'hg:Place hg:seatNoun "compound" .\nhg:Group hg:nationalPeopleNoun "populace" .\n',
    )
    sites, peoples = found()
    assert sites.get("State Broadcasting Committee compound") == "Place", sites
    assert peoples.get("populace of Jabrayil") == "Group", peoples


def test_names_a_verb_of_entering_befalls_in_the_passive_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    # "Dervent had been occupied" as "occupied Dervent": the model tags such names as a
    # body's or a person's
    doc = extract(
        "By evening Dervent and Kozluk had been occupied, and Marash was shelled all night. "
        "Colonel Ruslan Tagiev said the garrison had withdrawn."
    )
    found = labels(doc)
    assert found.get("Dervent") == "Place", found
    assert found.get("Kozluk") == "Place", found
    assert found.get("Marash") == "Place", found
    assert found.get("Ruslan Tagiev") == "Person", found


def test_the_end_of_a_route_the_parse_hung_elsewhere_is_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    # "to" hangs on "together", not on "highway"
    doc = extract(
        "The airport, together with the new highway to Kurdobad, will link the district with "
        "the rest of the country."
    )
    assert labels(doc).get("Kurdobad") == "Place", labels(doc)


def test_names_a_plural_settlement_noun_is_of_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Militiamen burned houses in the hamlets of Las Peñas, Rio Negrito and Agua Blanca. "
        "The soldiers searched the hamlets of Los Toldos, Villa Seca and Piedra Gorda."
    )
    found = labels(doc)
    names = ("Las Peñas", "Rio Negrito", "Agua Blanca", "Los Toldos", "Villa Seca", "Piedra Gorda")
    for name in names:
        assert found.get(name) == "Place", (name, found)


def test_an_untagged_name_the_model_took_for_a_plural_in_a_list_of_places(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Dejal" as a plural proper noun, with no entity type
    doc = extract(
        "Artillery shelled the villages of Tazakend, Yukhari Veysalli and Dejal of the Fuzuli "
        "district."
    )
    assert labels(doc).get("Dejal") == "Place", labels(doc)


def test_a_name_opening_with_a_given_name_takes_no_class_from_a_body_beside_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the parse sets "units of the army" beside the name, which the model tags as a body's
    doc = extract(
        "On 21 March, on the orders of Emil Bobu, units of the army, the police and the "
        "militia were deployed in the port."
    )
    found = labels(doc)
    assert found.get("Emil Bobu") == "Person", found


def test_a_full_name_the_model_took_for_a_nationality_is_a_persons(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Tigran Vardanyan" as a nationality (NORP)
    doc = extract(
        "The court sentenced three former commanders, including Tigran Vardanyan, on Monday."
    )
    assert labels(doc).get("Tigran Vardanyan") == "Person", labels(doc)


def test_a_name_the_model_took_for_a_nationality_before_a_plural_area_noun(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Saatli" as a nationality (NORP), "Bilasuvar" as a body
    doc = extract("Refugees were housed in the Bilasuvar and Saatli districts.")
    found = labels(doc)
    assert found.get("Saatli") == "Place", found
    assert found.get("Bilasuvar") == "Place", found


def test_a_dateline_the_story_goes_on_from_names_the_place_of_writing(extract) -> None:  # type: ignore[no-untyped-def]
    # the model leaves "GENEVA" untagged, and tags "Radio Azattyk" as a body
    doc = extract(
        "A report on the expulsions\n\n"
        "GENEVA, 4 March 2022 — The expulsion of the villagers was not voluntary, the Alpine "
        "Rights Centre said in a report published today."
    )
    assert labels(doc).get("GENEVA") == "Place", labels(doc)
    doc = extract(
        'Radio Azattyk, 13 May 2015: "We walked all night towards the mountains"\n\n'
        "Ten years ago today, troops opened fire on a crowd in the city of Kokand."
    )
    assert labels(doc).get("Radio Azattyk") == "Organization", labels(doc)


def test_an_untagged_name_the_parse_made_the_conjunct_of_an_office(extract) -> None:  # type: ignore[no-untyped-def]
    # "Adil Rahimli" is untagged and the parse makes it the conjunct of "Minister"
    doc = extract(
        "On the first day of the festival, the Minister of Culture, Adil Rahimli, the Special "
        "Representative of the President in the Lachin district, Rashad Aliyev, and the foreign "
        "guests laid a wreath at the memorial."
    )
    assert labels(doc).get("Adil Rahimli") == "Person", labels(doc)


def test_a_body_of_the_land_the_text_is_about_is_named_by_it(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The leadership of the republic asked for troops on the evening of 8 April. The "
        "procuracy of the republic has detained more than 20 persons."
    )
    found = labels(doc)
    assert found.get("leadership of the republic") == "Organization", found
    assert found.get("procuracy of the republic") == "Organization", found


def test_a_press_service_is_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The three leaders signed a joint statement, the Kremlin press service said.")
    assert labels(doc).get("Kremlin press service") == "Organization", labels(doc)
    doc = extract("The presidential press service reported that the talks had ended.")
    assert labels(doc).get("presidential press service") == "Organization", labels(doc)


def test_a_titled_name_whose_surname_the_model_took_for_a_plural_noun(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags the whole name as a body's and "Davies" as a plural common noun
    doc = extract(
        "The Secretary of State set up a tribunal of inquiry under Lord Justice Edmund Davies. "
        "Its report was published in August 1967."
    )
    found = labels(doc)
    assert found.get("Justice Edmund Davies") == "Person", found


def test_the_size_of_a_place_is_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Dravnik, a town of about 6,000 inhabitants, was shelled on 3 May. Before the war "
        "Korinsk had some 4,000 inhabitants."
    )
    assert "inhabitants" not in labels(doc), labels(doc)
    # (the place's own people, counted, are a group)
    doc = extract("Its roughly 6,000 inhabitants depended on a single road for food.")
    assert labels(doc).get("inhabitants") == "Group", labels(doc)


def test_a_states_own_citizens_are_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The regime has again turned its tanks against its own citizens.")
    assert "citizens" not in labels(doc), labels(doc)


def test_the_crowd_before_the_protesters_are_named_is_the_protesters(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Troops of the airborne regiment began to push the crowd off the square. The "
        "demonstrators put up no resistance."
    )
    found = labels(doc)
    assert "crowd" not in found, found
    assert found.get("demonstrators") == "Group", found


def test_a_group_word_set_in_quotation_marks_is_no_group(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract('The agency blamed "extremists" for the violence in the port.')
    assert "extremists" not in labels(doc), labels(doc)
    doc = extract("Extremists attacked the border post at night.")
    assert labels(doc).get("Extremists") == "Group", labels(doc)


def test_the_motherland_is_the_country_the_text_is_about(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Motherland" as a place's name
    doc = extract(
        "Georgia marked the anniversary. Flowers were laid on the graves of the heroes who "
        "fell for the Motherland."
    )
    found = labels(doc)
    assert "Motherland" not in found and found.get("Georgia") == "State", found
    georgia = next(k for k, e in doc.entities.items() if e.label == "Georgia")
    said = [doc.quote(m.span) for m in doc.mentions if m.entity == georgia]
    assert "Motherland" in said, said
    doc = extract("He was condemned as a traitor to the Motherland.")
    assert "Motherland" not in labels(doc), labels(doc)


def test_a_name_of_a_feast_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Navroz" and "Baisakhi" as a place's and a building's names
    doc = extract("Thousands gathered in the square for the festival of Navroz.")
    assert "Navroz" not in labels(doc), labels(doc)
    doc = extract("Pilgrims had come into the town for the Baisakhi fair.")
    assert "Baisakhi" not in labels(doc), labels(doc)


def test_a_group_word_before_a_possessive_apostrophe_is_no_quotation(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The mayor refused to meet the 'strikers' delegates' at the mill gate.")
    found = labels(doc)
    assert found.get("strikers") == "Group", found


def test_a_surname_the_model_left_out_of_a_persons_name_joins_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the model tags "Elmer" alone; "Velrom" is the head of the name
    doc = extract(
        "On Friday night students smashed shop windows in Dorval, and Mayor Elmer Velrom "
        "proclaimed a state of emergency."
    )
    found = labels(doc)
    assert found.get("Elmer Velrom") == "Person" and "Elmer" not in found, found
    declaration = next(e for e in doc.live_events() if e.cls == HG.Declaration)
    assert [doc.entities[a].label for a in declaration.agents] == ["Elmer Velrom"]


def test_our_people_is_the_people_the_text_names_by_a_nationality(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The Lithuanian people will never forget that night. In 1922 troops killed 40 "
        "villagers in Harwell. Every year on this day our people lay carnations at the Harwell "
        "memorial."
    )
    assert "our people" in mentions_of(doc, "Lithuanian people"), mentions_of(
        doc, "Lithuanian people"
    )
    commemoration = next(e for e in doc.live_events() if e.cls == HG.Commemoration)
    assert [doc.entities[a].label for a in commemoration.agents] == ["Lithuanian people"]
    # with no people named by a nationality, "our people" names no one
    doc = extract("Every year on this day our people lay carnations at the Harwell memorial.")
    assert not any(e.label.endswith("people") for e in doc.entities.values()), labels(doc)
