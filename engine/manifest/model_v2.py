"""The `ai-manifest.yaml` model, version 2 (`apiVersion: ai-assure/v2`; docs/contracts.md,
the manifest; docs/classification.md).

Version 2 records the *facts* the law turns on, not conclusions: what the organisation is,
what it does with the system, what the system does. The policies derive the EU AI Act
classification and the internal assurance level from them.

Every fact may be left unanswered: `null`, or the key left out. An unanswered fact that
could decide a classification is a policy finding (CLS-005) that asks its question, so a
system never becomes lower-risk by leaving a question out. A list answers "none of these"
with `[]`; `null` is still unanswered. Unknown keys are errors, as in version 1.

The parts a team already wrote in version 1 (metadata, models, data, evidence, risks,
exceptions, human oversight) are the same models, so everything that reads them works on
both versions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
)

from engine.manifest.model import (
    ANNEX_III_AREAS,
    AnnexIIIArea,
    Data,
    Evidence,
    ExceptionRequests,
    Manifest,
    Metadata,
    Models,
    Risks,
    SystemDescription,
    Text,
)

Fact = StrictBool | None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _fact(description: str) -> Fact:
    """A yes/no fact, unanswered by default (the description is the schema's hint)."""
    return Field(None, description=description)


# --- the organisation ------------------------------------------------------------------


class Organisation(_Strict):
    """Facts about the organisation that runs the system (EU AI Act Arts. 2, 26, 27, 49;
    DPA 2018 s. 30; the ATRS mandatory scope)."""

    name: Text | None = None
    established_in_eu: Fact = _fact(
        "Established or located in an EU member state (AIA Art. 2(1)(b), 3(5), 3(6))."
    )
    public_authority: Fact = _fact(
        "A public authority, or acting on behalf of one (AIA Arts. 26(8), 49(3); UK GDPR Art. "
        "6(1) last sentence; the ATRS mandatory scope)."
    )
    body_governed_by_public_law: Fact = _fact(
        "A body governed by public law (AIA Art. 27(1); the term is not defined in the Act)."
    )
    private_entity_providing_public_service: Fact = _fact(
        "A private entity providing public services such as education, healthcare, social "
        "services, housing or the administration of justice (AIA Art. 27(1), recital 96)."
    )
    law_enforcement_authority: Fact = _fact(
        "A public authority or entity competent for preventing, investigating, detecting or "
        "prosecuting offences or executing criminal penalties (AIA Art. 3(45))."
    )
    uk_competent_authority: Fact = _fact(
        "Listed in DPA 2018 Schedule 7, or has statutory law-enforcement functions (DPA s. 30)."
    )


# --- the system --------------------------------------------------------------------------


class SystemV2(SystemDescription):
    """What the system does and for whom (descriptive; the legal facts are elsewhere)."""

    transparency_notice: Text | None = Field(
        None,
        description="How people are told they are dealing with AI (EU AI Act Art. 50(1)).",
    )


# --- EU AI Act ---------------------------------------------------------------------------

Exclusion = Literal[
    "military_defence_natsec_exclusive",
    "third_country_le_cooperation",
    "sole_purpose_scientific_rd",
    "pre_market_rd_only",
    "personal_non_professional",
]

Activity = Literal[
    "develops",
    "commissions_development",
    "markets_under_own_name",
    "puts_into_service_own_use",
    "uses_under_authority",
    "imports_third_country_branded",
    "distributes",
    "eu_mandate_from_non_eu_provider",
    "ships_in_own_product_under_own_name",
]

ValueChainChange = Literal[
    "own_name_on_high_risk", "substantial_modification", "purpose_changed_to_high_risk"
]


class Scope(_Strict):
    """Whether the Act reaches the system at all (AIA Art. 2)."""

    placed_on_eu_market: Fact = _fact(
        "Made available on the EU market for the first time by this organisation, paid or "
        "free (Art. 2(1)(a), 3(9))."
    )
    put_into_service_in_eu: Fact = _fact(
        "Supplied for first use to a deployer, or for own use, in the EU (Art. 2(1)(a), 3(11))."
    )
    deployed_in_eu: Fact = _fact(
        "Used by a deployer established or located in the EU (Art. 2(1)(b))."
    )
    output_intended_for_use_in_eu: Fact = _fact(
        "The system's output is intended to be used in the EU (Art. 2(1)(c), recital 22)."
    )
    exclusions: list[Exclusion] | None = Field(
        None,
        description="Art. 2 exclusions that apply ([] for none): Art. 2(3), (4), (6), (8), (10).",
    )
    real_world_testing: Fact = _fact(
        "Tested in real-world conditions, with real effects on people (Art. 2(8))."
    )
    free_open_source_licence: Fact = _fact(
        "The AI system is released under a free and open-source licence (Art. 2(12))."
    )


Objective = Literal[
    "none", "victim_or_missing_person_search", "imminent_threat_or_terrorism", "annex_ii_suspect_4y"
]


class RealTimeRemoteIdentification(_Strict):
    """Art. 5(1)(h) and its exceptions (Art. 5(2)-(5)); answered only for remote biometric
    identification."""

    real_time: Fact = _fact("Identification happens live, without significant delay (Art. 3(42)).")
    publicly_accessible_space: Fact = _fact("Used in a publicly accessible space (Art. 3(44)).")
    law_enforcement_purpose: Fact = _fact("Used for law enforcement (Art. 3(46)).")
    objective: Objective | None = Field(
        None, description="The Art. 5(1)(h)(i)-(iii) objective, or none."
    )
    national_law_authorises: Fact = _fact("National law enables the use (Art. 5(5)).")
    prior_authorisation: Fact = _fact(
        "Prior judicial or independent administrative authorisation (Art. 5(3))."
    )
    fria_done: Fact = _fact("A fundamental rights impact assessment was done (Art. 5(2)).")
    registered: Fact = _fact("Registered in the EU database (Art. 5(2), 49).")


class Art5(_Strict):
    """The facts behind each prohibited practice (AIA Art. 5(1)): not a list of labels."""

    manipulative_or_subliminal: Fact = _fact(
        "Uses subliminal, purposefully manipulative or deceptive techniques (Art. 5(1)(a))."
    )
    exploits_vulnerability: (
        list[Literal["age", "disability", "social_economic_situation"]] | None
    ) = Field(None, description="Vulnerabilities it exploits ([] for none) (Art. 5(1)(b)).")
    material_distortion_significant_harm: Fact = _fact(
        "Materially distorts behaviour, causing or likely to cause significant harm "
        "(Art. 5(1)(a), (b))."
    )
    social_scoring: Fact = _fact(
        "Evaluates or classifies people over time on social behaviour or personal "
        "characteristics (Art. 5(1)(c))."
    )
    detrimental_treatment: (
        list[Literal["unrelated_context", "unjustified_or_disproportionate"]] | None
    ) = Field(None, description="Detrimental treatment the score leads to (Art. 5(1)(c)(i), (ii)).")
    crime_prediction_basis: (
        Literal[
            "none",
            "solely_profiling_or_traits",
            "supports_human_assessment_on_objective_facts",
            "not_person_based",
        ]
        | None
    ) = Field(
        None,
        description="If it predicts a person's risk of offending, on what basis (Art. 5(1)(d)).",
    )
    untargeted_facial_scraping: Fact = _fact(
        "Builds or expands a face-recognition database by untargeted scraping of facial "
        "images from the internet or CCTV (Art. 5(1)(e))."
    )
    emotion_setting: list[Literal["workplace", "education_institution"]] | None = Field(
        None, description="Where emotions are inferred ([] for neither) (Art. 5(1)(f))."
    )
    medical_or_safety_purpose: Fact = _fact(
        "The emotion recognition is intended for medical or safety reasons (Art. 5(1)(f))."
    )
    infers_protected_traits: (
        list[
            Literal[
                "race",
                "political_opinions",
                "trade_union_membership",
                "religious_philosophical_beliefs",
                "sex_life",
                "sexual_orientation",
            ]
        ]
        | None
    ) = Field(None, description="Traits the biometric categorisation infers (Art. 5(1)(g)).")
    categorisation_exception: (
        Literal["none", "labelling_filtering_lawful_dataset", "law_enforcement_categorisation"]
        | None
    ) = Field(None, description="The Art. 5(1)(g) exception that applies, or none.")
    real_time_remote_identification: RealTimeRemoteIdentification = RealTimeRemoteIdentification()
    intimate_or_csam_generation: (
        Literal["none", "intimate_imagery_without_explicit_consent", "child_sexual_abuse_material"]
        | None
    ) = Field(
        None,
        description="Can generate intimate imagery of real people without consent, or child "
        "sexual abuse material (Digital Omnibus Art. 5(1)(ba), (bb); secondary sources).",
    )


class Biometrics(_Strict):
    """Biometric functions (AIA Arts. 3(39)-(41), 5, 50(3), Annex III point 1)."""

    remote_identification: Fact = _fact(
        "Identifies people at a distance, without their active involvement, by comparing "
        "their biometric data with a reference database (Art. 3(41))."
    )
    emotion_recognition: Fact = _fact(
        "Identifies or infers emotions or intentions from biometric data (not pain or "
        "fatigue) (Art. 3(39), recital 18)."
    )
    biometric_categorisation: Fact = _fact(
        "Assigns people to categories from their biometric data (Art. 3(40))."
    )


AnnexIAct = Literal[
    "none",
    "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12",
    "B13", "B14", "B15", "B16", "B17", "B18", "B19", "B20",
]  # fmt: skip


class AnnexI(_Strict):
    """High-risk through a product (AIA Art. 6(1) and Annex I)."""

    act: AnnexIAct | None = Field(
        None, description="The Annex I harmonisation act covering the product, or none."
    )
    safety_component_or_product: Fact = _fact(
        "The AI system is a safety component of that product, or is itself the product "
        "(Art. 6(1)(a), 3(14))."
    )
    third_party_conformity_required: Fact = _fact(
        "The product must undergo third-party conformity assessment under that act (Art. 6(1)(b))."
    )


AnnexIIIPoint = Literal[
    "AnnexIII.1(a)", "AnnexIII.1(b)", "AnnexIII.1(c)", "AnnexIII.2",
    "AnnexIII.3(a)", "AnnexIII.3(b)", "AnnexIII.3(c)", "AnnexIII.3(d)",
    "AnnexIII.4(a)", "AnnexIII.4(b)",
    "AnnexIII.5(a)", "AnnexIII.5(b)", "AnnexIII.5(c)", "AnnexIII.5(d)",
    "AnnexIII.6(a)", "AnnexIII.6(b)", "AnnexIII.6(c)", "AnnexIII.6(d)", "AnnexIII.6(e)",
    "AnnexIII.7(a)", "AnnexIII.7(b)", "AnnexIII.7(c)", "AnnexIII.7(d)",
    "AnnexIII.8(a)", "AnnexIII.8(b)",
]  # fmt: skip

CarveOut = Literal[
    "biometric_verification_only",
    "financial_fraud_detection_only",
    "travel_document_verification_only",
    "campaign_admin_logistics_only",
    "ancillary_judicial_admin_only",
]


class AnnexIII(_Strict):
    """High-risk through its use (AIA Art. 6(2) and Annex III)."""

    points: list[AnnexIIIPoint] | None = Field(
        None, description="The Annex III uses the system is intended for ([] for none)."
    )
    carve_outs: list[CarveOut] | None = Field(
        None, description="Point-specific carve-outs that apply ([] for none)."
    )


Condition63 = Literal[
    "a_narrow_procedural",
    "b_improves_completed_human_activity",
    "c_detects_patterns_without_replacing_review",
    "d_preparatory",
]


class Art63(_Strict):
    """The Art. 6(3) derogation: an Annex III system that is not high-risk."""

    claimed: Fact = _fact("The provider claims the Art. 6(3) derogation.")
    conditions: list[Condition63] | None = Field(
        None, description="The Art. 6(3) second-subparagraph conditions that hold."
    )
    no_significant_risk: Fact = _fact(
        "No significant risk of harm to health, safety or fundamental rights, including by "
        "not materially influencing decisions (Art. 6(3) first subparagraph)."
    )
    assessment_doc: Text | None = Field(
        None, description="Where the documented assessment is kept (Art. 6(4))."
    )
    assessment_date: dt.date | None = Field(
        None, description="When it was documented (YYYY-MM-DD): before placing on the market."
    )
    registered: Fact = _fact("Registered in the EU database (Art. 49(2)).")


class Decisions(_Strict):
    """Decisions about people (AIA Arts. 26(7), 26(11), 86)."""

    about_natural_persons: Fact = _fact(
        "Makes, or helps make, decisions about natural persons (Art. 26(11))."
    )
    legal_or_similar_effect: Fact = _fact(
        "Those decisions can have legal or similarly significant effects (Art. 86(1))."
    )
    workplace_use_on_workers: Fact = _fact(
        "Used at the workplace on the deployer's workers (Art. 26(7))."
    )


SyntheticKind = Literal["text", "image", "audio", "video"]


class Transparency(_Strict):
    """Art. 50 triggers, exceptions and the measures taken."""

    interacts_directly_with_natural_persons: Fact = _fact(
        "Intended to interact directly with natural persons: users, staff or the public "
        "(Art. 50(1))."
    )
    ai_nature_obvious: Fact = _fact(
        "Obvious to a reasonably well-informed, observant and circumspect person that it is AI "
        "(Art. 50(1); contested: give the rationale)."
    )
    ai_nature_obvious_rationale: Text | None = None
    generates_synthetic: list[SyntheticKind] | None = Field(
        None,
        description="Synthetic content it generates or manipulates ([] for none) (Art. 50(2)).",
    )
    assistive_editing_or_no_substantial_alteration: Fact = _fact(
        "Only assists standard editing, or does not substantially alter the input or its "
        "meaning (Art. 50(2))."
    )
    deep_fake_output: Fact = _fact(
        "Produces image, audio or video resembling real people, objects, places or events "
        "that would falsely appear authentic (Art. 3(60), 50(4))."
    )
    evidently_artistic_satirical_fictional: Fact = _fact(
        "That content is part of an evidently artistic, creative, satirical or fictional work "
        "(Art. 50(4))."
    )
    publishes_public_interest_text: Fact = _fact(
        "Publishes AI-generated text to inform the public on matters of public interest "
        "(Art. 50(4) second subparagraph)."
    )
    human_editorial_responsibility: Fact = _fact(
        "That text is human-reviewed, and a person holds editorial responsibility (Art. 50(4))."
    )
    authorised_by_law_for_crime: Fact = _fact(
        "The use is authorised by law to detect, prevent, investigate or prosecute criminal "
        "offences (Art. 50(1)-(4))."
    )
    public_can_report_crime: Fact = _fact(
        "The public can use it to report a criminal offence (Art. 50(1))."
    )
    output_marking: Text | None = Field(
        None, description="How outputs are marked as AI-generated, machine-readably (Art. 50(2))."
    )
    exposure_notice: Text | None = Field(
        None,
        description="How people exposed to emotion recognition or biometric categorisation "
        "are informed (Art. 50(3)).",
    )
    deep_fake_disclosure: Text | None = Field(
        None, description="How deep fakes are disclosed as AI-generated (Art. 50(4))."
    )
    public_interest_text_disclosure: Text | None = Field(
        None, description="How published public-interest text is disclosed (Art. 50(4))."
    )


Number = StrictInt | StrictFloat


class Gpai(_Strict):
    """General-purpose AI model facts (AIA Chapter V) and the provider's records."""

    training_compute_flop: Number | None = Field(
        None,
        description="Cumulative training compute in floating-point operations (a count, not "
        "per second), e.g. 3.0e+25 (Art. 51(2)).",
    )
    commission_designated: Fact = _fact(
        "Designated by the Commission as having systemic risk (Art. 51(1)(b), 52(4))."
    )
    open_licence_weights_public: Fact = _fact(
        "Released under a free and open-source licence with weights, architecture and usage "
        "information public (Art. 53(2), 54(6))."
    )
    first_placed_on_market: dt.date | None = Field(None, description="YYYY-MM-DD (Art. 111(3)).")
    copyright_policy: Text | None = Field(
        None, description="Where the copyright policy is kept (Art. 53(1)(c))."
    )
    training_content_summary: Text | None = Field(
        None, description="Where the public training-content summary is published (Art. 53(1)(d))."
    )
    authorised_representative: Text | None = Field(
        None, description="The EU authorised representative (Art. 54(1))."
    )
    commission_notified_on: dt.date | None = Field(
        None, description="When the Commission was notified (YYYY-MM-DD) (Art. 52(1))."
    )


class Lifecycle(_Strict):
    """For the transitional rules (AIA Art. 111)."""

    first_placed_or_put_into_service: dt.date | Literal["not_yet"] | None = Field(
        None, description="YYYY-MM-DD, or not_yet when it has not been (Art. 111(2))."
    )
    significant_design_change_after_cutoff: Fact = _fact(
        "Its design changed significantly after the date Chapter III applies (Art. 111(2))."
    )
    intended_for_public_authority_use: Fact = _fact(
        "Intended to be used by public authorities (Art. 111(2))."
    )


Role = Literal[
    "provider",
    "deployer",
    "importer",
    "distributor",
    "authorised_representative",
    "product_manufacturer",
]
Category = Literal["prohibited", "high", "limited", "minimal"]


class Declared(_Strict):
    """The team's own conclusions. The policies derive them from the facts and report any
    disagreement (CLS-006): the facts win."""

    roles: list[Role] | None = None
    category: Category | None = None
    prohibited_practices: (
        list[Annotated[str, StringConstraints(pattern=r"^Art\.5\(1\)\([a-h]\)$")]] | None
    ) = None
    annex_iii_areas: list[AnnexIIIArea] | None = None
    general_purpose_ai: StrictBool | None = None


class EUAIActV2(_Strict):
    """The facts Regulation (EU) 2024/1689 turns on."""

    is_ai_system: Literal["yes", "no", "unsure"] | None = Field(
        None, description="Infers from its input how to generate outputs (Art. 3(1))."
    )
    is_gpai_model: Fact = _fact("A general-purpose AI model (Art. 3(63)).")
    scope: Scope = Scope()
    activities: list[Activity] | None = Field(
        None, description="What the organisation does with the system (Art. 3(3)-(7), 2(1)(e))."
    )
    art_25: list[ValueChainChange] | None = Field(
        None, description="Value-chain changes that make it a provider (Art. 25(1)) ([] for none)."
    )
    art_5: Art5 = Art5()
    biometrics: Biometrics = Biometrics()
    annex_i: AnnexI = AnnexI()
    annex_iii: AnnexIII = AnnexIII()
    profiling_of_natural_persons: Fact = _fact(
        "Profiles natural persons: automated evaluation of personal aspects such as work "
        "performance, economic situation, health, preferences, reliability, behaviour or "
        "location (Art. 3(52), 6(3))."
    )
    art_6_3: Art63 = Art63()
    decisions: Decisions = Decisions()
    transparency: Transparency = Transparency()
    gpai: Gpai = Gpai()
    lifecycle: Lifecycle = Lifecycle()
    declared: Declared = Declared()


# --- UK GDPR and the Data Protection Act 2018 ----------------------------------------------

SpecialCategory = Literal[
    "racial_ethnic",
    "political",
    "religious_philosophical",
    "trade_union",
    "genetic",
    "biometric_unique_id",
    "health",
    "sex_life_orientation",
]
Art9Condition = Literal[
    "9(2)(a)", "9(2)(b)", "9(2)(c)", "9(2)(d)", "9(2)(e)",
    "9(2)(f)", "9(2)(g)", "9(2)(h)", "9(2)(i)", "9(2)(j)",
]  # fmt: skip


class Art9(_Strict):
    """The condition for special category data (UK GDPR Art. 9(2); DPA 2018 s. 10, Sch. 1)."""

    condition: Art9Condition | None = None
    sch1_part: Literal[1, 2] | None = None
    sch1_paragraph: StrictInt | None = None
    apd: Fact = _fact("An appropriate policy document is in place (DPA 2018 Sch. 1 Part 4).")


class Art10(_Strict):
    """The basis for criminal offence data (UK GDPR Art. 10; DPA 2018 s. 10(5), Sch. 1)."""

    basis: Literal["official_authority", "sch1"] | None = None
    sch1_part: Literal[1, 2, 3] | None = None
    sch1_paragraph: StrictInt | None = None
    apd: Fact = _fact("An appropriate policy document is in place (DPA 2018 Sch. 1 Part 4).")


class Part3Sensitive(_Strict):
    """Sensitive processing for law enforcement (DPA 2018 ss. 35, 42, Sch. 8)."""

    basis: Literal["consent", "strictly_necessary"] | None = None
    sch8_paragraph: StrictInt | None = None
    apd: Fact = _fact("An appropriate policy document is in place (DPA 2018 s. 42).")


Safeguard = Literal["information", "representations", "human_intervention", "contest"]


class AutomatedDecision(_Strict):
    """Automated decisions (UK GDPR Arts. 22A-22C; DPA 2018 ss. 50A-50C)."""

    significant: Fact = _fact(
        "Produces decisions with legal or similarly significant effects on people (Art. 22A(1)(b))."
    )
    solely_automated: Fact = _fact(
        "Takes them with no meaningful human involvement (Art. 22A(1)(a))."
    )
    uses_special_category: Fact = _fact("Based, even partly, on special category data (Art. 22B).")
    relies_on_6_1_ea: Fact = _fact(
        "Relies, even partly, on recognised legitimate interests, Art. 6(1)(ea) (Art. 22B(4))."
    )
    explicit_consent: Fact = _fact("The data subject gave explicit consent (Art. 22B(2)).")
    contract_or_law_with_9_2_g: Fact = _fact(
        "Necessary for a contract or required or authorised by law, and Art. 9(2)(g) applies "
        "(Art. 22B(3))."
    )
    safeguards: list[Safeguard] | None = Field(
        None, description="Safeguards in place (Art. 22C(2); DPA s. 50C)."
    )


DpiaArt353 = Literal[
    "a_systematic_extensive_evaluation",
    "b_large_scale_special_or_criminal",
    "c_public_area_monitoring",
]
DpiaIco = Literal[
    "innovative_technology",
    "denial_of_service",
    "large_scale_profiling",
    "biometric_data",
    "genetic_data",
    "data_matching",
    "invisible_processing",
    "tracking",
    "children_vulnerable_targeting",
    "risk_of_physical_harm",
]
DpiaWp248 = Literal[
    "evaluation_scoring",
    "automated_decision_significant_effect",
    "systematic_monitoring",
    "sensitive_or_highly_personal",
    "large_scale",
    "matching_combining",
    "vulnerable_subjects",
    "innovative_technology",
    "prevents_right_or_service",
]


class DpiaScreen(_Strict):
    """DPIA screening: which criteria apply ([] for none) (UK GDPR Art. 35(1), (3), (4);
    the ICO's list; WP248)."""

    art_35_3: list[DpiaArt353] | None = None
    ico_list: list[DpiaIco] | None = None
    wp248: list[DpiaWp248] | None = None


class UKDataProtection(_Strict):
    """The facts UK GDPR (as amended by the Data (Use and Access) Act 2025) and the DPA 2018
    turn on."""

    personal_data: Fact = _fact(
        "Processes personal data, in training, inputs, outputs or logs (UK GDPR Art. 4(1))."
    )
    regime: Literal["uk_gdpr", "dpa_part3", "dpa_part4"] | None = Field(
        None, description="UK GDPR, DPA 2018 Part 3 (law enforcement) or Part 4 (intelligence)."
    )
    controller: Literal["controller", "joint_controller", "processor"] | None = None
    lawful_basis: (
        Literal["6(1)(a)", "6(1)(b)", "6(1)(c)", "6(1)(d)", "6(1)(e)", "6(1)(ea)", "6(1)(f)"] | None
    ) = None
    special_category_data: Fact = _fact(
        "Processes special category data, or sensitive processing under Part 3 (Art. 9(1))."
    )
    special_categories: list[SpecialCategory] | None = None
    art_9: Art9 = Art9()
    criminal_offence_data: Fact = _fact(
        "Processes personal data on criminal convictions, offences, alleged offences, "
        "proceedings or sentencing (Art. 10; DPA s. 11(2))."
    )
    art_10: Art10 = Art10()
    part_3_sensitive: Part3Sensitive = Part3Sensitive()
    automated_decision: AutomatedDecision = AutomatedDecision()
    dpia_screen: DpiaScreen = DpiaScreen()


class ManifestV2(_Strict):
    """An AI system as its delivery team describes it: the facts the law turns on."""

    apiVersion: Literal["ai-assure/v2"]
    kind: Literal["AISystem"]
    metadata: Metadata
    organisation: Organisation = Organisation()
    system: SystemV2 = SystemV2()
    eu_ai_act: EUAIActV2 = EUAIActV2()
    uk_data_protection: UKDataProtection = UKDataProtection()
    models: Models = []
    data: Data = Data()
    evidence: Evidence = Evidence()
    risks: Risks = []
    exceptions: ExceptionRequests = []

    model_config = ConfigDict(extra="forbid", frozen=True, title="ai-assure AI system manifest")


#: a loaded manifest's model, whichever version it was written in
AnyManifest = Manifest | ManifestV2

__all__ = [
    "ANNEX_III_AREAS",
    "AnyManifest",
    "ManifestV2",
]
