#!/usr/bin/env python3
"""Generates librosa reference values for cadenza-features' tests.

Usage (librosa 0.11 and numpy installed; on the build machine:
    pip install --no-index --find-links /opt/pypi/files librosa):

    python3 cadenza-features/src/test/python/make_reference.py \
        cadenza-features/src/test/resources/reference/librosa_reference.json

The test signals are closed-form formulas (no random generator), rebuilt identically in Java by
org.cadenza.features.TestSignals: each is computed in float64, rounded to float32 (the precision of
org.cadenza.io.audio.AudioClip) and handed to librosa as float64, so librosa works in double precision.

What is saved (kept small, about 0.4 MB of JSON):
  * mel_frequencies and dense-equivalent sparse mel filters (rows' non-zero ranges) for four
    scale/norm combinations,
  * per signal, with librosa's defaults (sr=22050, n_fft=2048, hop 512, Hann, center, constant pad,
    power 2, 128 slaney mels, slaney norm, power_to_db(ref=1, amin=1e-10, top_db=80), 20 MFCC):
    |stft|^2 of two frames (all bins), melspectrogram power of three frames, power_to_db of every frame,
    mfcc of every frame,
  * a few non-default configurations (HTK/no norm; win_length < n_fft, power 1, fmin/fmax, no top_db;
    center=False).
"""
import json
import sys

import numpy as np
import librosa

SR = 22050
N = 6144  # samples per test signal (0.279 s, 13 centred frames)


def lcg_noise(n, seed=12345):
    """Uniform noise in [-1, 1) from a 32-bit LCG (Numerical Recipes constants); identical in Java."""
    out = np.empty(n)
    state = seed
    for i in range(n):
        state = (1664525 * state + 1013904223) % (1 << 32)
        out[i] = (state >> 8) / float(1 << 24) * 2.0 - 1.0
    return out


def signals():
    t = np.arange(N) / SR
    bin_hz = 20 * SR / 2048.0  # exactly the centre of STFT bin 20
    chirp_f0, chirp_f1, dur = 100.0, 8000.0, N / SR
    sigs = {
        "sine_bin20": 0.5 * np.sin(2 * np.pi * bin_hz * t),
        "two_tone": 0.3 * np.sin(2 * np.pi * 440.0 * t) + 0.2 * np.sin(2 * np.pi * 1760.0 * t + 0.5),
        "chirp": 0.4 * np.sin(2 * np.pi * (chirp_f0 * t + (chirp_f1 - chirp_f0) * t * t / (2 * dur))),
        "noise": 0.3 * lcg_noise(N),
        "short": 0.5 * np.sin(2 * np.pi * 1000.0 * np.arange(1000) / SR),
    }
    return {k: v.astype(np.float32).astype(np.float64) for k, v in sigs.items()}


def sparse_rows(w):
    rows = []
    for r in w:
        nz = np.nonzero(r)[0]
        if len(nz) == 0:
            rows.append({"start": 0, "w": []})
        else:
            rows.append({"start": int(nz[0]), "w": g(r[nz[0]:nz[-1] + 1])})
    return rows


def r(a, digits=9):
    """Rounded to `digits` decimals (dB, MFCC: 1e-6 dB is far below the 1e-4 tolerance)."""
    return np.round(np.asarray(a, dtype=np.float64), digits).tolist()


def g(a):
    """8 significant digits (powers: 1e-8 relative is far below the 1e-4 tolerance)."""
    return [float(f"{x:.8g}") for x in np.asarray(a, dtype=np.float64).ravel()]


def main(path):
    ref = {"librosa_version": librosa.__version__, "numpy_version": np.__version__, "sr": SR, "n": N,
           "filters": [], "signals": {}, "configs": []}

    for n_fft, n_mels, fmin, fmax in [(2048, 128, 0.0, None), (512, 40, 50.0, 8000.0)]:
        for htk in (False, True):
            for norm in ("slaney", None):
                # float64 filters: librosa's float32 default would add 6e-8 relative rounding
                w = librosa.filters.mel(sr=SR, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax, htk=htk,
                                        norm=norm, dtype=np.float64)
                mf = librosa.mel_frequencies(n_mels=n_mels + 2, fmin=fmin, fmax=fmax if fmax else SR / 2, htk=htk)
                ref["filters"].append({"n_fft": n_fft, "n_mels": n_mels, "fmin": fmin,
                                       "fmax": fmax if fmax else SR / 2, "htk": htk,
                                       "norm": norm or "none", "mel_frequencies": r(mf, 6),
                                       "rows": sparse_rows(w) if n_fft == 512 or (not htk and norm) else None})

    for name, y in signals().items():
        power = np.abs(librosa.stft(y, n_fft=2048, hop_length=512)) ** 2
        mel = librosa.feature.melspectrogram(y=y, sr=SR)
        db = librosa.power_to_db(mel)
        mfcc = librosa.feature.mfcc(y=y, sr=SR)
        frames = power.shape[1]
        mid = frames // 2
        ref["signals"][name] = {
            "frames": frames,
            "stft_frames": [0, mid],
            "stft_power": [g(power[:, 0]), g(power[:, mid])],
            "mel_frames": [0, mid, frames - 1],
            "mel_power": [g(mel[:, i]) for i in (0, mid, frames - 1)],
            "db": r(db.T, 6),          # [frame][mel]
            "mfcc": r(mfcc.T, 6),      # [frame][coef]
        }

    y = signals()["two_tone"]
    configs = [
        dict(name="htk_nonorm", n_fft=2048, hop_length=512, win_length=2048, center=True, power=2.0, n_mels=128,
             fmin=0.0, fmax=SR / 2, htk=True, norm=None, top_db=80.0, n_mfcc=13),
        dict(name="win800_power1_band_notopdb", n_fft=1024, hop_length=256, win_length=800, center=True, power=1.0,
             n_mels=64, fmin=50.0, fmax=8000.0, htk=False, norm="slaney", top_db=None, n_mfcc=30),
        dict(name="nocenter", n_fft=2048, hop_length=512, win_length=2048, center=False, power=2.0, n_mels=128,
             fmin=0.0, fmax=SR / 2, htk=False, norm="slaney", top_db=80.0, n_mfcc=20),
    ]
    for c in configs:
        kw = dict(sr=SR, n_fft=c["n_fft"], hop_length=c["hop_length"], win_length=c["win_length"],
                  center=c["center"], power=c["power"], n_mels=c["n_mels"], fmin=c["fmin"], fmax=c["fmax"],
                  htk=c["htk"], norm=c["norm"])
        mel = librosa.feature.melspectrogram(y=y, **kw)
        db = librosa.power_to_db(mel, top_db=c["top_db"])
        mfcc = librosa.feature.mfcc(S=db, n_mfcc=c["n_mfcc"])
        stft = np.abs(librosa.stft(y, n_fft=c["n_fft"], hop_length=c["hop_length"], win_length=c["win_length"],
                                   center=c["center"])) ** c["power"]
        out = dict(c)
        out["norm"] = c["norm"] or "none"
        out.update(signal="two_tone", frames=int(db.shape[1]), db=r(db.T, 6), mfcc=r(mfcc.T, 6),
                   stft_frame1=g(stft[:, 1]))
        ref["configs"].append(out)

    # DCT-II ortho of a known vector (scipy, as librosa uses)
    v = np.array([1.0, -2.0, 3.5, 0.25, -1.0, 4.0, 0.0, 2.0])
    ref["dct_input"] = v.tolist()
    ref["dct_ortho"] = librosa.get_fftlib().dct(v, type=2, norm="ortho").tolist()

    with open(path, "w") as f:
        json.dump(ref, f, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "librosa_reference.json")
