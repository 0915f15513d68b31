"""Runs NutriScreen's exported Questionnaire the way an SDC form filler would, with an independent
FHIRPath engine (fhirpathpy, R4 model), and compares the result with NutriScreen's own.

Usage: agree_fhirpath.py QUESTIONNAIRE.json CASES.jsonl
Each line of CASES is {"name": ..., "response": QuestionnaireResponse, "enabled": [linkId, ...],
"variables": {name: value}}: the items NutriScreen shows for those answers, and its scores,
bands and triage (null or [] for none). An item is enabled when its parent is and its enableWhen
entries (with enableBehavior) or its enableWhenExpression hold; the root's SDC variables are
worked out in order, each seeing those before it. Prints one line per
disagreement (case, linkId, both values), then a summary; exits 1 on any disagreement."""
import json
import re
import sys
import time

import fhirpathpy
from fhirpathpy.models import models

VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable"
ENABLE_WHEN_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
MODEL = models["r4"]
VARIABLE_NAME = re.compile(r"%([A-Za-z][A-Za-z0-9]*)")


class Compiled:
    """One FHIRPath expression, compiled once. An expression that reads only variables (no
    %resource) gives the same result for the same variable values, so fhirpathpy works each
    distinct input out once and the result is kept: every answer set is still evaluated by the
    engine, without repeating identical work thousands of times."""

    def __init__(self, text):
        self.text = text
        self.function = fhirpathpy.compile(text, MODEL)
        self.reads = sorted(set(VARIABLE_NAME.findall(text)))
        self.pure = "resource" not in self.reads
        self.kept = {}

    def __call__(self, response, context):
        if not self.pure:
            return self.function(response, context)
        key = repr([context.get(name) for name in self.reads])
        if key not in self.kept:
            self.kept[key] = self.function(response, context)
        return self.kept[key]


def answers_by_link(items, into):
    for item in items or []:
        into[item["linkId"]] = item.get("answer", [])
        answers_by_link(item.get("item"), into)
    return into


def compare(answer, operator, expected):
    if operator == "exists":
        return answer is not None
    if answer is None:
        return operator == "!="
    if isinstance(expected, dict):
        answer, expected = answer.get("code"), expected.get("code")
    if operator == "=":
        return answer == expected
    if operator == "!=":
        return answer != expected
    return {"<": answer < expected, "<=": answer <= expected, ">": answer > expected, ">=": answer >= expected}[operator]


def enable_when_holds(entry, answers):
    """FHIR R4 enableWhen: true when any answer of the question compares true."""
    expected = next(value for key, value in entry.items() if key.startswith("answer"))
    operator = entry["operator"]
    given = [next(iter(answer.values())) for answer in answers.get(entry["question"], [])]
    if operator == "exists":
        return bool(given) == expected
    if not given:
        return compare(None, operator, expected)
    return any(compare(value, operator, expected) for value in given)


class Form:
    def __init__(self, questionnaire):
        self.items = []  # (linkId, parent linkId, enableWhen, behaviour, compiled expression, text)
        self.walk(questionnaire.get("item"), None)
        self.variables = []
        for extension in questionnaire.get("extension", []):
            if extension["url"] == VARIABLE:
                value = extension["valueExpression"]
                self.variables.append((value["name"], Compiled(value["expression"])))

    def variable_values(self, response):
        context = {"resource": response}
        for name, compiled in self.variables:
            context[name] = compiled(response, context)
        return context

    def walk(self, items, parent):
        for item in items or []:
            expression = None
            for extension in item.get("extension", []):
                if extension["url"] == ENABLE_WHEN_EXPRESSION:
                    value = extension["valueExpression"]
                    if value["language"] != "text/fhirpath":
                        raise SystemExit(f"{item['linkId']}: enableWhenExpression in {value['language']}")
                    expression = Compiled(value["expression"])
            self.items.append((item["linkId"], parent, item.get("enableWhen"), item.get("enableBehavior", "all"), expression, item))
            self.walk(item.get("item"), item["linkId"])

    def enabled(self, response, context):
        answers = answers_by_link(response.get("item"), {})
        result = {}
        for link_id, parent, entries, behaviour, expression, _ in self.items:
            on = parent is None or result[parent]
            if on and entries:
                holds = [enable_when_holds(entry, answers) for entry in entries]
                on = all(holds) if behaviour == "all" else any(holds)
            if on and expression:
                value = expression(response, context)
                if value not in ([True], [False]):
                    raise ValueError(f"{link_id}: {expression.text} gave {value}, not one true or false")
                on = value == [True]
            result[link_id] = on
        return result


def same(got, expected):
    """A variable's collection against NutriScreen's value: [] for none, one number or string."""
    if expected is None or expected == []:
        return got == []
    if got is None or len(got) != 1:
        return False
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return abs(float(got[0]) - expected) < 1e-9
    return got[0] == expected


def main():
    started = time.monotonic()
    with open(sys.argv[1]) as file:
        questionnaire = json.load(file)
    form = Form(questionnaire)
    skip = {link_id for link_id, _, _, _, _, item in form.items if item["type"] == "group" or link_id.endswith(".help")}
    cases = items = values = mismatches = 0
    with open(sys.argv[2]) as file:
        for line in file:
            case = json.loads(line)
            cases += 1
            expected = set(case["enabled"])
            try:
                computed = form.variable_values(case["response"])
                enabled = form.enabled(case["response"], computed)
            except Exception as error:  # a translation FHIRPath cannot run is a disagreement too
                print(f"{case['name']}: {error}")
                mismatches += 1
                continue
            for name, expected_value in case["variables"].items():
                values += 1
                got = computed.get(name)
                if not same(got, expected_value):
                    mismatches += 1
                    print(f"{case['name']}: {name}: FHIRPath {got}, NutriScreen {expected_value}")
            for link_id, on in enabled.items():
                if link_id in skip:
                    continue
                items += 1
                if on != (link_id in expected):
                    mismatches += 1
                    print(f"{case['name']}: {link_id}: FHIRPath {'enabled' if on else 'disabled'}, "
                          f"NutriScreen {'shown' if link_id in expected else 'hidden'}")
    seconds = time.monotonic() - started
    print(f"{cases} answer set(s), {items} item(s) and {values} value(s) compared, {mismatches} mismatch(es), {seconds:.1f} s")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
