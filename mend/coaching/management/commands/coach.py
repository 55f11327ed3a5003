import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mend.coach import CATEGORIES, PURPOSES, analyze, evaluate, labelled, learned, rules


class Command(BaseCommand):
    help = "The communication coach: `coach analyze TEXT`, `coach eval FILE`, `coach train`."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("analyze", help="Findings for one message.")
        run.add_argument("text")
        run.add_argument("--purpose", choices=PURPOSES, default="message")
        run.add_argument("--language", default="en", choices=rules.available())
        run.add_argument("--json", action="store_true", dest="as_json")
        score = sub.add_parser("eval", help="Precision, recall and F1 on a labelled JSONL file.")
        score.add_argument("file")
        score.add_argument("--language", default="en", choices=rules.available())
        score.add_argument("--json", action="store_true", dest="as_json")
        score.add_argument("--misses", action="store_true", help="List the items it got wrong.")
        score.add_argument(
            "--gottman",
            action="store_true",
            help="The file is labelled with Gottman's four patterns (criticism, "
            "contempt, defensiveness, stonewalling, or healthy): map Mend's "
            "categories onto them.",
        )
        learn = sub.add_parser(
            "train", help="Retrain the learned second opinion from mend/coach/data/dev_*.jsonl."
        )
        learn.add_argument("--language", default="en", choices=rules.available())

    def handle(self, *args, action, as_json=False, language="en", **options):
        if action == "analyze":
            result = analyze(options["text"], options["purpose"], language)
            if as_json:
                self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            else:
                self._show(result)
            return
        if action == "train":
            self._train(language)
            return
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        try:
            items = labelled.read(path)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        predict = None
        if options["gottman"]:
            items, predict = evaluate.as_gottman(items, language)
        result = evaluate.score(items, language, predict)
        if not options["misses"]:
            result.pop("misses")
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(evaluate.table(result))
        for miss in result.get("misses", []):
            self.stdout.write(
                f"- {miss['text']!r}: expected {miss['expected']}, got {miss['predicted']}"
            )

    def _train(self, language):
        model = learned.train_language(language, CATEGORIES)
        if model is None:
            raise CommandError(
                f"Too few {language} examples to learn from (need {learned.MIN_EXAMPLES})."
            )
        path = learned.model_path(language)
        path.write_text(model.as_json() + "\n", encoding="utf-8")
        self.stdout.write(f"Wrote {path} ({len(model.weights)} features).")

    def _show(self, result):
        if not result["findings"]:
            self.stdout.write("Nothing stood out.")
        for f in result["findings"]:
            self.stdout.write(
                f"[{f['category']}] “{f['text']}” ({f['start']}–{f['end']}): "
                f"{f['explanation']} {f['suggestion']}"
            )
        for part in result.get("apology", []):
            mark = "yes" if part["present"] else "missing"
            self.stdout.write(f"  {part['label']}: {mark}. {part['advice']}")
        for option in result["rewrites"]:
            self.stdout.write(f"  Try: {option['text']}")
