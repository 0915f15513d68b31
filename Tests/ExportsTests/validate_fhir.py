"""Validates NutriScreen's FHIR export with a real FHIR R4 implementation (fhir.resources, R4B
models): required elements, types and unknown elements. Then checks what the library does not:
linkIds are unique, every linkId of the response exists in the questionnaire with a type that fits its answers, and
every enableWhen refers to an item asked earlier. Usage: validate_fhir.py FILE.json ...
Prints one line per problem and exits 1 if there is any."""
import importlib
import json
import sys

from fhir.resources.R4B.bundle import Bundle

ANSWER_TYPES = {
    "valueBoolean": {"boolean"},
    "valueCoding": {"choice", "open-choice"},
    "valueInteger": {"integer"},
    "valueDecimal": {"decimal"},
    "valueString": {"string", "text"},
    "valueDate": {"date"},
}


def model(resource_type):
    module = importlib.import_module("fhir.resources.R4B." + resource_type.lower())
    return getattr(module, resource_type)


def flatten(items, into, order, problems=None):
    for item in items or []:
        if problems is not None and item["linkId"] in into:
            problems.append(f"linkId {item['linkId']} is used twice")
        into[item["linkId"]] = item
        order.append(item["linkId"])
        flatten(item.get("item"), into, order, problems)


def check(path):
    problems = []
    data = json.load(open(path))
    try:
        model(data["resourceType"]).model_validate(data)
    except Exception as error:  # pydantic's ValidationError, with every problem listed
        return [f"{path}: {data['resourceType']} is not valid FHIR R4: {error}"]
    resources = [entry["resource"] for entry in data.get("entry", [])] if data["resourceType"] == "Bundle" else [data]
    questionnaires = [r for r in resources if r["resourceType"] == "Questionnaire"]
    for questionnaire in questionnaires:
        items, order, twice = {}, [], []
        flatten(questionnaire.get("item"), items, order, twice)
        problems += [f"{path}: {problem}" for problem in twice]
        for link_id in order:
            for condition in items[link_id].get("enableWhen", []):
                question = condition["question"]
                if question not in items or order.index(question) >= order.index(link_id):
                    problems.append(f"{path}: enableWhen of {link_id} refers to {question}, which is not an earlier item")
        for response in (r for r in resources if r["resourceType"] == "QuestionnaireResponse"):
            if response["questionnaire"] != f"{questionnaire['url']}|{questionnaire['version']}":
                problems.append(f"{path}: the response names {response['questionnaire']}")
            answered = {}
            flatten(response.get("item"), answered, [])
            for link_id, item in answered.items():
                if link_id not in items:
                    problems.append(f"{path}: the response's linkId {link_id} is not in the questionnaire")
                    continue
                for answer in item.get("answer", []):
                    kinds = [key for key in answer if key.startswith("value")]
                    if not kinds or items[link_id]["type"] not in ANSWER_TYPES[kinds[0]]:
                        problems.append(f"{path}: {link_id} is a {items[link_id]['type']} item answered with {kinds}")
    return problems


if __name__ == "__main__":
    found = [problem for path in sys.argv[1:] for problem in check(path)]
    print("\n".join(found) if found else f"{len(sys.argv) - 1} file(s): valid FHIR R4")
    sys.exit(1 if found else 0)
