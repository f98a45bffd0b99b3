# The roles an organisation holds for a system: EU AI Act Arts. 3(3)-(7), 2(1)(e) and 25
# (docs/classification.md). Several may hold at once: a public body that builds and uses its own
# system is its provider and its deployer.
package ai_assure.law.roles

import rego.v1

import data.ai_assure.law.facts
import data.ai_assure.law.high_risk

activities := facts.items("eu_ai_act.activities")

develops if "develops" in activities

develops if "commissions_development" in activities

_markets if "markets_under_own_name" in activities

_markets if "puts_into_service_own_use" in activities

value_chain := facts.items("eu_ai_act.art_25")

# A body that develops a system (or has it developed) and places it on the market or puts it
# into service under its own name, paid or free, is its provider (Art. 3(3), 3(11)).
held contains "provider" if {
	develops
	_markets
}

# Art. 25(1): a rebrand, a substantial modification or a change of purpose of a high-risk system
# (or one that becomes high-risk) makes the organisation its provider.
held contains "provider" if {
	count(value_chain) > 0
	high_risk.high
}

# Art. 25(3): a product manufacturer placing an Annex I Section A safety component with its
# product under its own name is the provider.
held contains "provider" if {
	"ships_in_own_product_under_own_name" in activities
	high_risk.annex_i_section_a
}

# Not a natural person using it in a purely personal, non-professional activity (Art. 2(10)).
held contains "deployer" if {
	"uses_under_authority" in activities
	not facts.listed("eu_ai_act.scope.exclusions", "personal_non_professional")
}

held contains "importer" if "imports_third_country_branded" in activities

held contains "distributor" if "distributes" in activities

held contains "authorised_representative" if "eu_mandate_from_non_eu_provider" in activities

held contains "product_manufacturer" if "ships_in_own_product_under_own_name" in activities

names := sort(held)

cites := {
	"provider": "Art.3(3)", "deployer": "Art.3(4)", "importer": "Art.3(6)", "distributor": "Art.3(7)",
	"authorised_representative": "Art.3(5)", "product_manufacturer": "Art.2(1)(e)",
}
