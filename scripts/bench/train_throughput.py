#!/usr/bin/env python3
"""PyTorch (Python) peer of Cadenza's training throughput, for org.cadenza.bench.TrainThroughputBenchmark.

Builds the same networks as org.cadenza.model.nets.Networks (layer by layer, in the same order, so the
state_dict lists the same tensors in the same order as DJL's parameter file), and trains one of them the way
org.cadenza.model.bundle.InferenceBenchmark.trainingWindowsPerSecond trains Cadenza's DJL network:

- random windows of log-mel shape (1 x mels x frames, uniform in [-80, 0) dB), 3 classes, batch 32;
- AdamW (lr 1e-3 peak of a one-cycle schedule, weight decay 1e-4, betas 0.9/0.999, eps 1e-8);
- SpecAugment on, Cadenza's defaults: 2 frequency masks up to 12 mel rows and 2 time masks up to 20 frames
  per window, masked cells set to the window's mean;
- a shuffled epoch, then a second one that is timed: windows per second = windows / wall seconds of the
  second epoch's training loop (batch gather + masks + forward + cross-entropy + backward + step + the loss and
  the accuracy read back, as Cadenza's loop does); validation is not timed on either side.

Threads: torch.set_num_threads(--threads) and set_num_interop_threads (call with OMP_NUM_THREADS set to the
same number, as the Java side does). Output: one JSON object on the last line of stdout.
--shapes-only prints the parameter list without training (fast; used by the tests).

--djl-weights FILE --input IN.f32 --output OUT.f32: the same-function check. Loads the tensors of a DJL parameter
file (written by Cadenza's network of this architecture) into this network, in order, and writes the class
probabilities (softmax, inference mode: batch norm with its running statistics) of the windows in IN.f32 (raw
little-endian float32, windows x 1 x mels x frames) to OUT.f32 (windows x classes), for the caller to compare with
Cadenza's own predictions on the same windows.
"""
import argparse
import json
import platform
import random
import struct
import sys
import time

import numpy as np

import torch
import torch.nn as nn
import torch.nn.functional as F

FREQUENCY_MASKS, MAX_FREQUENCY_WIDTH, TIME_MASKS, MAX_TIME_WIDTH = 2, 12, 2, 20


def conv(cin, cout, kernel, stride, padding, groups=1):
    """DJL Conv2d with optBias(false)."""
    return nn.Conv2d(cin, cout, kernel, stride=stride, padding=padding, groups=groups, bias=False)


class Residual(nn.Module):
    """Networks.residual: main (conv3x3 s - BN - ReLU - conv3x3 - BN) + projection shortcut (conv1x1 s - BN), ReLU."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.main = nn.Sequential(conv(cin, cout, 3, stride, 1), nn.BatchNorm2d(cout), nn.ReLU(),
                                  conv(cout, cout, 3, 1, 1), nn.BatchNorm2d(cout))
        self.shortcut = nn.Sequential(conv(cin, cout, 1, stride, 0), nn.BatchNorm2d(cout))

    def forward(self, x):
        return F.relu(self.main(x) + self.shortcut(x))


def small(channels):
    layers, cin, stride = [], channels, 2
    for filters in (16, 32, 64, 128):
        layers += [conv(cin, filters, 3, stride, 1), nn.BatchNorm2d(filters), nn.ReLU(), nn.MaxPool2d(2)]
        cin, stride = filters, 1
    return layers, cin


def resnet(channels):
    layers = [conv(channels, 24, 3, 2, 1), nn.BatchNorm2d(24), nn.ReLU(), nn.MaxPool2d(2),
              Residual(24, 32, 1), Residual(32, 64, 2), Residual(64, 128, 2), Residual(128, 256, 2)]
    return layers, 256


def mobilenet(channels):
    layers = [conv(channels, 32, 3, 2, 1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2)]
    cin = 32
    for cout, stride in ((64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)):
        layers += [conv(cin, cin, 3, stride, 1, groups=cin), nn.BatchNorm2d(cin), nn.ReLU(),
                   conv(cin, cout, 1, 1, 0), nn.BatchNorm2d(cout), nn.ReLU()]
        cin = cout
    return layers, cin


def build(architecture, classes, channels=1):
    """Networks.build: input BatchNorm, the body, global average pool, Linear (with bias)."""
    body, width = {"SMALL": small, "RESNET": resnet, "MOBILENET": mobilenet}[architecture](channels)
    return nn.Sequential(nn.BatchNorm2d(channels), *body, nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                         nn.Linear(width, classes))


def parameter_list(net):
    """state_dict entries in order, without BatchNorm's num_batches_tracked counter (DJL has none)."""
    return [{"name": k, "shape": list(v.shape)} for k, v in net.state_dict().items()
            if not k.endswith("num_batches_tracked")]


def read_djl_parameters(path):
    """The tensors of a DJL parameter file, in file order: [(name, numpy array)].

    Each parameter is the char 'P' (2 bytes), a version byte, its name (Java modified UTF-8: u16 length + bytes),
    then the array: "NDAR" (UTF), int version 1-3, from version 2 a byte 1 + the array name (UTF) or a byte 0,
    sparse format (UTF), data type (UTF), shape (int rank, rank longs, int layout length, that many 2-byte chars),
    from version 3 a byte-order byte ('>' big endian, else little), int byte length, the data. Block metadata
    sits between parameters; each header is found and its data skipped.
    """
    b = open(path, "rb").read()
    out, p = [], 0
    magic = b"\x00\x04NDAR"

    def utf(q):
        n = struct.unpack_from(">H", b, q)[0]
        return b[q + 2:q + 2 + n].decode("utf-8"), q + 2 + n

    while p + 5 < len(b):
        if b[p] != 0 or b[p + 1] != ord("P"):
            p += 1
            continue
        n = struct.unpack_from(">H", b, p + 3)[0]
        q = p + 5 + n
        if n == 0 or b[q:q + 6] != magic:
            p += 1
            continue
        name = b[p + 5:q].decode("utf-8")
        q += 6
        version = struct.unpack_from(">i", b, q)[0]
        q += 4
        if not 1 <= version <= 3:
            raise ValueError("%s: parameter %s: unknown DJL array version %d" % (path, name, version))
        if version > 1:
            has_name = b[q]
            q += 1
            if has_name == 1:
                _, q = utf(q)
        _, q = utf(q)  # sparse format
        dtype, q = utf(q)
        rank = struct.unpack_from(">i", b, q)[0]
        shape = struct.unpack_from(">%dq" % rank, b, q + 4)
        q += 4 + 8 * rank
        layout = struct.unpack_from(">i", b, q)[0]
        q += 4 + 2 * layout
        order = "<"
        if version > 2:
            order = ">" if b[q] == ord(">") else "<"
            q += 1
        length = struct.unpack_from(">i", b, q)[0]
        q += 4
        if dtype != "FLOAT32":
            raise ValueError("%s: parameter %s is %s, expected FLOAT32" % (path, name, dtype))
        data = np.frombuffer(b[q:q + length], dtype=order + "f4").reshape(shape)
        out.append((name, data))
        p = q + length
    return out


def load_djl(net, path):
    """Copies a DJL parameter file's tensors into `net`, position by position (shapes must agree)."""
    djl = read_djl_parameters(path)
    keys = [k for k in net.state_dict().keys() if not k.endswith("num_batches_tracked")]
    if len(djl) != len(keys):
        raise ValueError("%s holds %d tensors, the network has %d" % (path, len(djl), len(keys)))
    state = net.state_dict()
    for key, (name, data) in zip(keys, djl):
        if tuple(state[key].shape) != data.shape:
            raise ValueError("%s: %s has shape %s, DJL's %s %s" % (path, key, tuple(state[key].shape), name,
                                                                   data.shape))
        state[key] = torch.from_numpy(data.astype(np.float32))
    net.load_state_dict(state)


def spec_augment(batch, rng):
    """Cadenza's SpecAugment.DEFAULT, in place, window by window."""
    mels, frames = batch.shape[2], batch.shape[3]
    for i in range(batch.shape[0]):
        w = batch[i]
        fill = float(w.mean())
        for _ in range(FREQUENCY_MASKS):
            width = rng.randint(0, min(MAX_FREQUENCY_WIDTH, mels))
            start = rng.randint(0, mels - width)
            w[:, start:start + width, :] = fill
        for _ in range(TIME_MASKS):
            width = rng.randint(0, min(MAX_TIME_WIDTH, frames))
            start = rng.randint(0, frames - width)
            w[:, :, start:start + width] = fill


def train(net, windows, labels, batch, epochs, seed):
    """Trains for `epochs` epochs; returns the wall seconds of each epoch's training loop."""
    n = windows.shape[0]
    batches = (n + batch - 1) // batch
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1e-3, total_steps=epochs * batches, pct_start=0.3,
                                                anneal_strategy="cos", div_factor=25, final_div_factor=1e4)
    rng = random.Random(seed)
    seconds = []
    net.train()
    for epoch in range(epochs):
        t0 = time.perf_counter()
        order = torch.randperm(n)
        hits = 0
        for b in range(batches):
            idx = order[b * batch:(b + 1) * batch]
            x = windows[idx]  # a copy, as Cadenza copies each window into its batch array
            spec_augment(x, rng)
            y = labels[idx]
            logits = net(x)
            loss = F.cross_entropy(logits, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            loss.item()
            hits += int((logits.argmax(1) == y).sum().item())
        seconds.append(time.perf_counter() - t0)
    return seconds


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default="SMALL", type=str.upper, choices=["SMALL", "RESNET", "MOBILENET"])
    p.add_argument("--mels", type=int, default=128)
    p.add_argument("--frames", type=int, default=216)
    p.add_argument("--classes", type=int, default=3)
    p.add_argument("--windows", type=int, default=512)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--shapes-only", action="store_true", help="print the parameter list and exit")
    p.add_argument("--djl-weights", help="DJL parameter file to load (same-function check)")
    p.add_argument("--input", help="with --djl-weights: windows, raw little-endian float32")
    p.add_argument("--output", help="with --djl-weights: class probabilities, raw little-endian float32")
    a = p.parse_args(argv)

    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(a.threads)
    except RuntimeError:
        pass  # already set by an earlier parallel call; intra-op threads are what matter here
    torch.manual_seed(a.seed)
    net = build(a.model, a.classes)
    out = {
        "python_version": platform.python_version(),
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "architecture": a.model,
        "classes": a.classes,
        "trainable_parameters": sum(t.numel() for t in net.parameters() if t.requires_grad),
        "parameters": parameter_list(net),
    }
    if a.djl_weights:
        load_djl(net, a.djl_weights)
        net.eval()
        x = np.fromfile(a.input, dtype="<f4").reshape(-1, 1, a.mels, a.frames)
        with torch.no_grad():
            probs = torch.softmax(net(torch.from_numpy(x.copy())), dim=1).numpy()
        probs.astype("<f4").tofile(a.output)
        out.update({"windows": int(x.shape[0]), "checked": True})
    elif not a.shapes_only:
        gen = torch.Generator().manual_seed(a.seed + 1)
        windows = -80.0 + 80.0 * torch.rand((a.windows, 1, a.mels, a.frames), generator=gen)
        labels = torch.randint(0, a.classes, (a.windows,), generator=gen)
        seconds = train(net, windows, labels, a.batch, 2, a.seed)
        out.update({"windows": a.windows, "batch": a.batch, "mels": a.mels, "frames": a.frames,
                    "epoch_seconds": seconds, "windows_per_second": a.windows / seconds[-1]})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
