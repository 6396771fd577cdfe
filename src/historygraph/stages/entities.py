"""Stage ``entities``: agents and places the text names.

Sources, in order of authority:

1. the ontology's gazetteer, matched ignoring case, spaces and punctuation
   (so a glued "MilliMajlis" or "Karabakhand" still matches);
2. spaCy's statistical NER, classed by the head word of the name ("... Army" is
   a military force) or by the NER label;
3. noun phrases headed by a class head word with a proper-name modifier
   ("the USSR leadership");
4. parenthesised aliases ("Milli Majlis (Parliament)");
5. generic definite phrases ("armed forces", "the parliament") resolved to the
   most recent entity of that class.

Then one name keeps one sense in a document: the mentions of a name the model
labelled differently become one entity, classed by the strongest evidence any
of them has; a lone surname or title ("Gapon", "the Tsar") joins the one
person whose full name starts or ends with it; a collective group or force
named with an extra modifier ("ethnic Armenian forces") joins the plainer name
("Armenian forces"). In a heading, where title case misleads the model, a name
counts only if the body names it too.

The stage's parts: :mod:`~historygraph.stages.names` (normalised names, the
gazetteer index), :mod:`~historygraph.stages.mentions` (sources 1, 2 and the
mention builder, with :mod:`~historygraph.stages.place_cues` and
:mod:`~historygraph.stages.person_cues` for the cues that make a name a place's or a
person's), :mod:`~historygraph.stages.headwords` (source 3) and
:mod:`~historygraph.stages.coreference` (sources 4, 5 and the joining of
mentions into entities), with :mod:`~historygraph.stages.descriptions` for what the text
names by description (an office, a person's kin, a site by its kind). This module runs
them in order.
"""

from __future__ import annotations

from historygraph.document import Document
from historygraph.pipeline import Context, stage
from historygraph.stages.coreference import (
    extend_by_place,
    link_locations,
    match_appositives,
    match_capital,
    match_country_anaphora,
    match_crowd_anaphora,
    match_crowds_of_a_group,
    match_force_names,
    match_generic_anaphora,
    match_heading_names,
    match_known_as,
    match_name_parts,
    match_our_people,
    match_parenthesised_aliases,
    match_place_name_ends,
    match_pronouns,
    match_settlement_anaphora,
    match_shortened_names,
    match_site_name_parts,
    match_state_by_its_adjective,
    match_the_last_word_of_a_name,
    merge_bare_into_named_groups,
    merge_descriptions_ending_a_name,
    merge_generic_forces_into_the_one_named,
    merge_modified_names,
    merge_national_bodies,
    merge_plural_groups,
    merge_units_into_their_force,
    one_sense_per_name,
)
from historygraph.stages.datelines import (
    drop_paragraph_heads,
    drop_time_zones,
    is_byline,
    match_authors,
    match_dateline_places,
)
from historygraph.stages.descriptions import (
    match_head_of_state,
    match_kin_of_a_person,
    match_office_holders,
    match_site_anaphora,
    match_sites_that_speak,
)
from historygraph.stages.headwords import (
    match_forces_of_bodies,
    match_headword_phrases,
    match_kin_groups,
)
from historygraph.stages.mentions import (
    EntityBuilder,
    drop_places_naming_a_war,
    drop_post_nominals,
    drop_states_before_a_name_goes_on,
    find_event_names,
    label_as_written,
    label_people_without_middle_initials,
    mark_unnamed,
    match_gazetteer,
    match_ner,
    match_untagged_names,
)
from historygraph.stages.syntax import is_heading


@stage("entities", requires=("sentences",), assigns=("entities", "mentions"))
def find_entities(doc: Document, ctx: Context) -> None:
    """Find and resolve the agents and places the document mentions."""
    b = EntityBuilder(doc, ctx.ontology)
    for parsed in doc.parsed:
        find_event_names(b, parsed)
    for sent in doc.sentences:
        match_gazetteer(b, sent.parsed)
    match_parenthesised_aliases(b)
    for paragraph, parsed in zip(doc.paragraphs, doc.parsed, strict=True):
        if is_byline(doc.quote(paragraph)):
            match_authors(b, parsed, paragraph)
            continue
        match_ner(b, parsed, heading=is_heading(doc.quote(paragraph)))
        match_kin_groups(b, parsed)
        match_headword_phrases(b, parsed)
        match_forces_of_bodies(b, parsed)
        if not is_heading(doc.quote(paragraph)):
            match_untagged_names(b, parsed)
    match_dateline_places(b)
    extend_by_place(b)
    one_sense_per_name(b)
    match_force_names(b)
    match_name_parts(b)
    match_place_name_ends(b)
    match_site_name_parts(b)
    match_known_as(b)
    merge_modified_names(b)
    merge_plural_groups(b)
    merge_national_bodies(b)
    match_appositives(b)
    match_shortened_names(b)
    match_the_last_word_of_a_name(b)
    match_heading_names(b)
    match_parenthesised_aliases(b)
    match_generic_anaphora(b)
    match_crowds_of_a_group(b)
    match_crowd_anaphora(b)
    merge_bare_into_named_groups(b)
    merge_units_into_their_force(b)
    merge_generic_forces_into_the_one_named(b)
    merge_descriptions_ending_a_name(b)
    match_office_holders(b)
    match_head_of_state(b)
    match_pronouns(b)
    match_kin_of_a_person(b)
    match_capital(b)
    match_settlement_anaphora(b)
    match_site_anaphora(b)
    match_sites_that_speak(b)
    match_country_anaphora(b)
    match_our_people(b)
    match_state_by_its_adjective(b)
    drop_paragraph_heads(b)
    drop_time_zones(b)
    drop_places_naming_a_war(b)
    drop_post_nominals(b)
    link_locations(b)
    drop_states_before_a_name_goes_on(b)
    label_as_written(b)
    label_people_without_middle_initials(b)
    mark_unnamed(b)
    doc.mentions = sorted(b.mentions, key=lambda m: (m.span.start, m.span.end))
    used = {m.entity for m in doc.mentions}
    doc.entities = {k: v for k, v in sorted(doc.entities.items()) if k in used}
