# METADATA
# title: Datasets are documented
# description: >-
#   The data a model is trained, tested or run on decides much of its behaviour. Every
#   dataset in data.datasets needs its source, and a high-risk system needs a datasheet for
#   each (what the data is, how it was collected and prepared, known gaps and biases) and
#   must list the data its in-house models were built from. Gaps fail high-risk systems and
#   warn for the rest; a declared datasheet that is missing or unreadable is EVID-001's.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: Regulation (EU) 2024/1689 (AI Act), Article 10 data and data governance
#   - ref: https://arxiv.org/abs/1803.09010
#     description: Gebru et al., Datasheets for Datasets
# custom:
#   id: DATA-001
#   severity: medium
#   controls: [
#     "EU-AI-ACT:Art.10", "ISO42001:A.7.2", "ISO42001:A.7.3", "ISO42001:A.7.5",
#     "NIST-AI-RMF:MAP-2.3", "UK-AI-CYBER-COP:P8", "UK-ATRS:Tier2.4.3"]
#   remediation: >-
#     List every dataset under data.datasets with its source, and for a high-risk system
#     write a datasheet for each and set datasets[].datasheet.
package ai_assure.rules.data.datasets

import rego.v1

import data.ai_assure.classification
import data.ai_assure.lib.util

applicable := true

_in_house := [m | some m in util.models; m.model.type == "in-house"]

_name(d) := object.get(d.dataset, "name", d.index)

_gaps contains {"msg": msg, "path": ["data", "datasets", d.index, "source"]} if {
	some d in util.datasets
	util.blank(object.get(d.dataset, "source", null))
	msg := util.msg([
		"Dataset ", _name(d), " has no source: say where the data comes from",
		" (system, supplier or publication)",
	])
}

deny contains gap if {
	classification.high_risk
	some gap in _gaps
}

deny contains {"msg": msg, "path": ["data", "datasets", d.index, "datasheet"]} if {
	classification.high_risk
	some d in util.datasets
	util.blank(object.get(d.dataset, "datasheet", null))
	msg := util.msg([
		"Dataset ", _name(d), " has no datasheet: a high-risk system documents each dataset's",
		" composition, collection, preparation and known gaps (set data.datasets[", d.index, "].datasheet)",
	])
}

deny contains {"msg": msg, "path": ["data", "datasets"]} if {
	classification.high_risk
	count(_in_house) > 0
	count(util.datasets) == 0
	msg := util.msg([
		"No dataset is listed under data.datasets, but the in-house model ",
		util.join([object.get(m.model, "name", m.index) | some m in _in_house]),
		" was built from data: list the training, validation and test data",
	])
}

warn contains gap if {
	not classification.high_risk
	some gap in _gaps
}
