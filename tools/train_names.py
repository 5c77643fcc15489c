"""Train the name model: a CRF (python-crfsuite) per language, from the annotated corpora of
`../shared/corpora/ner/`, written into the package, and scored on what was held apart.

    python tools/train_names.py [--corpora DIR] [--iterations 100] [--languages de,en] [--score-only]
                                [--models DIR] [--lists-only]

Labels are mapped onto the engine's four kinds of name: PER → person, ORG → organization, LOC →
place, OTH/MISC → other; GermEval's `deriv` and `part` tags (`deutsche`, `Deutschland-Reise`: a word
made from a name, not a name) are not names. Per language:

- German: trained on GermEval 2014 train (the converted copy, outer level) and dev; held apart and
  reported: GermEval test and UNER German-PUD.
- English: trained on UNER English-EWT train (its first-commit version; OTH is not a name in UNER)
  and dev, and the first four fifths of Wikigold, by document; held apart and reported: EWT test,
  UNER English-PUD and Wikigold's last fifth (Wikigold has no split of its own).

Beside the models it writes two lists from both languages' training data: `given-names.txt` (see
`given_names`) and `corpus-names.tsv`, the names tagged twice or more, nearly always as one kind (see
`corpus_kind`), read from the social-media corpora too.

The scores are span-level, as `seqeval` counts them: a name is right when its first and last word
and its kind are all right. The social-media corpora (BTC, WNUT-17; but for the list of names),
the historical and OCR'd ones (Europeana, BIOfid), MobIE's traffic reports and GUM's all-mention
layer are not used: other kinds of text, or other annotation schemes than the names news copy holds
(GUM's named mentions, cut to their proper nouns, were tried: the English model scored lower on
every held-apart set with them).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier.authoring.suggesting.namefeatures import sentence_features  # noqa: E402
from dossier.authoring.suggesting.namemodel import KINDS as ENGINE_KINDS  # noqa: E402
from dossier.authoring.suggesting.namemodel import MODELS  # noqa: E402
from dossier.authoring.suggesting.vocabulary import CORPUS_NAMES, GIVEN_NAMES  # noqa: E402

CORPORA = REPO.parent / "shared" / "corpora" / "ner"
KINDS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "OTH", "MISC": "OTH"}
KINDS |= {"PERSON": "PER", "CORPORATION": "ORG", "LOCATION": "LOC"}  # WNUT-17's (its groups and works: none)

Sentence = list[tuple[str, str]]  # (word, BIO label over PER/ORG/LOC/OTH)


def _label(tag: str, other: bool = True) -> str:
    """A corpus tag as B-/I- over the four kinds, or O (`other`: whether the corpus tags other names
    consistently; UNER's first English train file has a few OTH it later dropped)."""
    if tag in ("O", "", "_") or "-" not in tag:
        return "O"
    mark, kind = tag.split("-", 1)
    mark = {"S": "B", "E": "I"}.get(mark, mark)
    kind = KINDS.get(kind.upper())  # `LOCderiv`, `ORGPART`: made from a name, no name
    if kind == "OTH" and not other:
        return "O"
    return f"{mark}-{kind}" if kind and mark in ("B", "I") else "O"


def _iob1_to_iob2(sentence: Sentence) -> Sentence:
    fixed, previous = [], "O"
    for word, label in sentence:
        if label.startswith("I-") and previous[2:] != label[2:]:
            label = "B-" + label[2:]
        fixed.append((word, label))
        previous = label
    return fixed


def read_columns(path: Path, word: int, tag: int, other: bool = True) -> Iterator[Sentence]:
    """Sentences of a column file: blank lines between them, `#` comments and `-DOCSTART-` skipped."""
    return _sentences(path.read_text(encoding="utf-8").splitlines(), word, tag, other, comments=True)


def wikigold_documents(path: Path) -> list[list[Sentence]]:
    """Wikigold's documents, each a list of its sentences: IOB1 tags, and `#` is a word there."""
    documents: list[list[Sentence]] = []
    for block in path.read_text(encoding="utf-8").split("-DOCSTART- O"):
        sentences = [_iob1_to_iob2(s) for s in _sentences(block.splitlines(), 0, 1, True, comments=False)]
        if sentences:
            documents.append(sentences)
    return documents


def _sentences(lines: list[str], word: int, tag: int, other: bool, *, comments: bool) -> Iterator[Sentence]:
    sentence: Sentence = []
    for line in lines:
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        if comments and line.startswith("#"):  # a comment (GermEval's source line, UNER's sentence id)
            continue
        columns = line.split("\t") if "\t" in line else line.split(" ")
        if columns[0] == "-DOCSTART-" or len(columns) <= max(word, tag):
            continue
        sentence.append((columns[word], _label(columns[tag], other)))
    if sentence:
        yield sentence


def corpora(root: Path, language: str) -> tuple[list[Sentence], dict[str, list[Sentence]]]:
    """(training sentences, {held-apart corpus: sentences})."""
    if language == "de":
        train = list(read_columns(root / "germeval2014_train/train_bioes.train", 0, 1))
        train += read_columns(root / "germeval2014/NER-de-dev.tsv", 1, 2)
        held = {
            "GermEval 2014 test": list(read_columns(root / "germeval2014/NER-de-test.tsv", 1, 2)),
            "UNER German-PUD": list(read_columns(root / "uner_german-pud/de_pud-ud-test.iob2", 1, 2)),
        }
        return train, held
    ewt = root / "uner_english-ewt"
    train = list(read_columns(ewt / "initial-commit-0c7ce0d/en_ewt-ud-train.iob2", 1, 2, other=False))
    documents = wikigold_documents(root / "wikigold/wikigold.conll.txt")
    cut = len(documents) * 4 // 5
    train += [s for document in documents[:cut] for s in document]
    train += read_columns(ewt / "en_ewt-ud-dev.iob2", 1, 2)
    held = {
        "UNER English-EWT test": list(read_columns(ewt / "en_ewt-ud-test.iob2", 1, 2)),
        "UNER English-PUD": list(read_columns(root / "uner_english-pud/en_pud-ud-test.iob2", 1, 2)),
        "Wikigold, last fifth": [s for document in documents[cut:] for s in document],
    }
    return train, held


def social_media(root: Path) -> list[Sentence]:
    """The posts of BTC and WNUT-17, every split: read for the list of corpus names only (the
    companies, people and places news copy names too), not by the models (another kind of text).
    A `#` begins a hashtag there, no comment."""
    files = [root / "broad_twitter_corpus" / f"btc.{split}" for split in ("train", "dev", "test")]
    wnut = ("wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated")
    files += [root / "wnut17" / name for name in wnut]
    lines = [file.read_text(encoding="utf-8").splitlines() for file in files]
    return [sentence for text in lines for sentence in _sentences(text, 0, 1, True, comments=False)]


def spans(labels: list[str]) -> set[tuple[int, int, str]]:
    """The names of a label sequence as (first, last + 1, kind), strictly: an I- after another kind
    or after O begins a name of its own, as seqeval's default mode counts it."""
    found, start, kind = set(), None, None
    for index, label in enumerate([*labels, "O"]):
        if label == "O" or label.startswith("B-") or (label.startswith("I-") and label[2:] != kind):
            if start is not None:
                found.add((start, index, kind))
            start, kind = (index, label[2:]) if label != "O" else (None, None)
    return found


def score(truth: list[list[str]], guessed: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support per kind, and over all (`all`)."""
    right: Counter = Counter()
    said: Counter = Counter()
    true: Counter = Counter()
    for wanted, got in zip(truth, guessed, strict=True):
        a, b = spans(wanted), spans(got)
        for _, _, kind in a:
            true[kind] += 1
            true["all"] += 1
        for _, _, kind in b:
            said[kind] += 1
            said["all"] += 1
        for _, _, kind in a & b:
            right[kind] += 1
            right["all"] += 1
    table = {}
    for kind in ["PER", "ORG", "LOC", "OTH", "all"]:
        if not true[kind] and not said[kind]:
            continue
        precision = right[kind] / said[kind] if said[kind] else 0.0
        recall = right[kind] / true[kind] if true[kind] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[kind] = (precision, recall, f1, true[kind])
    return table


def given_names(sentences: list[Sentence]) -> list[str]:
    """The given names of the training sentences: the first word of a person's name of two words or
    more, spelled as a given name is, where it stands at least twice as often so as in any other
    name or with a capital inside a sentence (`Hugo` of `Hugo Boss` too often an organization's)."""
    first: Counter = Counter()
    elsewhere: Counter = Counter()
    for sentence in sentences:
        for start, end, kind in spans([label for _, label in sentence]):
            words = [word for word, _ in sentence[start:end]]
            if kind == "PER" and len(words) > 1:
                first[words[0]] += 1
            elif kind != "PER":
                elsewhere.update(words)
        elsewhere.update(word for word, label in sentence[1:] if label == "O" and word[:1].isupper())
    return sorted(
        word
        for word, count in first.items()
        if count >= 2 * elsewhere[word] and len(word) > 1 and word.isalpha() and word[1:].islower()
    )


# A name the corpora tag `CORPUS_TIMES` times or more, `CORPUS_SHARE` of them as one kind, is listed
# with that kind (`Boeing` ORG, `Lafontaine` PER, `York` LOC; not `Washington`, a person and a place).
CORPUS_TIMES = 2
CORPUS_SHARE = 0.8


def corpus_names(sentences: list[Sentence]) -> list[tuple[str, str]]:
    """(name, kind) for each name of the training sentences tagged often enough as one kind of
    person, organization or place (the corpora's other names are too mixed a kind to list)."""
    kinds: dict[str, Counter] = {}
    for sentence in sentences:
        for start, end, kind in spans([label for _, label in sentence]):
            name = " ".join(word for word, _ in sentence[start:end])
            kinds.setdefault(name, Counter())[kind] += 1
    listed = []
    for name, counted in kinds.items():
        kind, times = counted.most_common(1)[0]
        total = sum(counted.values())
        if total >= CORPUS_TIMES and times >= CORPUS_SHARE * total and kind != "OTH":
            listed.append((name, ENGINE_KINDS[kind]))
    return sorted(listed)


def train(language: str, sentences: list[Sentence], iterations: int, model: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        words = [word for word, _ in sentence]
        trainer.append(sentence_features(words, language), [label for _, label in sentence])
    trainer.set_params(
        {
            "c1": 0.05,  # L1: most features are weighed to nothing and left out of the file
            "c2": 0.01,
            "max_iterations": iterations,
            "feature.minfreq": 2,
            "feature.possible_transitions": True,
        }
    )
    model.parent.mkdir(parents=True, exist_ok=True)
    temporary = model.with_suffix(".tmp")
    trainer.train(str(temporary))
    temporary.replace(model)


def evaluate(language: str, model: Path, held: dict[str, list[Sentence]]) -> None:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    print(f"\n{language}: {model} ({model.stat().st_size / 1e6:.1f} MB)")
    print("| held apart | kind | precision | recall | F1 | names |")
    print("|---|---|---|---|---|---|")
    for name, sentences in held.items():
        truth = [[label for _, label in sentence] for sentence in sentences]
        guessed = [tagger.tag(sentence_features([w for w, _ in s], language)) for s in sentences]
        if not any(label.endswith("-OTH") for labels in truth for label in labels):
            # A corpus that tags no other names (UNER): the model's OTH names are not counted against it.
            guessed = [
                [label if not label.endswith("-OTH") else "O" for label in labels] for labels in guessed
            ]
        for kind, (precision, recall, f1, support) in score(truth, guessed).items():
            print(f"| {name} | {kind} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {support} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--languages", default="de,en")
    parser.add_argument(
        "--models", type=Path, default=MODELS, help="where the models go (default: the package's)"
    )
    parser.add_argument(
        "--score-only", action="store_true", help="score the models in the package, train none"
    )
    parser.add_argument(
        "--lists-only", action="store_true", help="write the lists of given and corpus names, train no model"
    )
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"tools/train_names.py: error: no corpora at {args.corpora}", file=sys.stderr)
        return 2
    if not args.score_only:
        # One list for every language: news copy names people of every country.
        training = [sentence for language in ("de", "en") for sentence in corpora(args.corpora, language)[0]]
        names = given_names(training)
        args.models.mkdir(parents=True, exist_ok=True)
        (args.models / GIVEN_NAMES).write_text("\n".join(names) + "\n", encoding="utf-8")
        print(f"{len(names)} given names written to {args.models / GIVEN_NAMES}")
        listed = corpus_names(training + social_media(args.corpora))
        rows = "".join(f"{name}\t{kind}\n" for name, kind in listed)
        (args.models / CORPUS_NAMES).write_text(rows, encoding="utf-8")
        print(f"{len(listed)} corpus names written to {args.models / CORPUS_NAMES}")
    if args.lists_only:
        return 0
    for language in args.languages.split(","):
        started = time.perf_counter()
        sentences, held = corpora(args.corpora, language)
        model = args.models / f"names-{language}.crfsuite"
        if not args.score_only:
            train(language, sentences, args.iterations, model)
            print(
                f"{language}: trained on {len(sentences)} sentences in {time.perf_counter() - started:.0f} s"
            )
        evaluate(language, model, held)
    return 0


if __name__ == "__main__":
    sys.exit(main())
