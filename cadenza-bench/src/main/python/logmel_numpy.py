#!/usr/bin/env python3
"""numpy peer of cadenza-features' log-mel pipeline, for org.cadenza.bench.LogMelBenchmark.

Same maths as librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=sr)) with librosa's defaults:
centred frames (n_fft // 2 zeros each side), periodic Hann window, np.fft.rfft, |X|^2, Slaney mel
filterbank with Slaney norm (dense matrix product), 10*log10(max(amin, S)) - 10*log10(ref), top_db clip
relative to the clip's maximum.

Input: raw little-endian float32 mono samples (--raw). Output on stdout: key=value lines (java.util.Properties
format, read by the Java side; --json for one JSON object instead) with timings
(best of --repeats, seconds of wall time; the filterbank and window are built once, outside the timing,
as the Java extractor builds them once in its constructor) and, with --out-db, numpy's dB matrix as raw
float32 [frame][mel] so the caller can compare values. If librosa is importable it is timed on the same
audio too (--no-librosa to skip).

Run single-threaded for a per-core comparison: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
(LogMelBenchmark sets them).
"""
import argparse
import json
import sys
import time

import numpy as np


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-12) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filters(sr, n_fft, n_mels, fmin, fmax):
    fft_freqs = np.arange(n_fft // 2 + 1) * sr / n_fft
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / fdiff[:-1, None]
    upper = ramps[2:] / fdiff[1:, None]
    w = np.maximum(0, np.minimum(lower, upper))
    w *= (2.0 / (mel_f[2:] - mel_f[:-2]))[:, None]
    return w.astype(np.float32)


def logmel_numpy(y, sr, n_fft, hop, window, mel_t, amin=1e-10, ref=1.0, top_db=80.0, block=512):
    pad = n_fft // 2
    yp = np.pad(y, (pad, pad), mode="constant")
    frames = np.lib.stride_tricks.sliding_window_view(yp, n_fft)[::hop]
    out = np.empty((frames.shape[0], mel_t.shape[1]), dtype=np.float32)
    for s in range(0, frames.shape[0], block):
        spec = np.fft.rfft(frames[s:s + block] * window, axis=1)
        power = spec.real ** 2 + spec.imag ** 2
        out[s:s + block] = power @ mel_t
    db = 10.0 * np.log10(np.maximum(amin, out))
    db -= 10.0 * np.log10(max(amin, ref))
    if top_db is not None:
        db = np.maximum(db, db.max() - top_db)
    return db


def best_of(fn, repeats):
    best = float("inf")
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", required=True, help="raw float32 little-endian mono samples")
    ap.add_argument("--sr", type=int, default=22050)
    ap.add_argument("--n-fft", type=int, default=2048)
    ap.add_argument("--hop", type=int, default=512)
    ap.add_argument("--n-mels", type=int, default=128)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out-db", help="write numpy's dB matrix here (raw float32, [frame][mel])")
    ap.add_argument("--no-librosa", action="store_true")
    ap.add_argument("--json", action="store_true", help="print JSON instead of key=value lines")
    args = ap.parse_args()

    y = np.fromfile(args.raw, dtype="<f4")
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(args.n_fft) / args.n_fft)).astype(np.float32)
    mel_t = np.ascontiguousarray(mel_filters(args.sr, args.n_fft, args.n_mels, 0.0, args.sr / 2).T)

    logmel_numpy(y[: args.sr * 5], args.sr, args.n_fft, args.hop, window, mel_t)  # warm-up
    secs, db = best_of(lambda: logmel_numpy(y, args.sr, args.n_fft, args.hop, window, mel_t), args.repeats)
    report = {
        "python_version": sys.version.split()[0],
        "numpy_version": np.__version__,
        "samples": int(y.shape[0]),
        "frames": int(db.shape[0]),
        "numpy_seconds": secs,
        "librosa_version": None,
        "librosa_seconds": None,
        "numpy_vs_librosa_max_abs_db": None,
        "librosa_problem": None,
    }
    if args.out_db:
        db.astype("<f4").tofile(args.out_db)

    if not args.no_librosa:
        try:
            import librosa
        except Exception as e:  # librosa is optional
            report["librosa_problem"] = f"librosa not importable: {e}"
        else:
            def run_librosa():
                return librosa.power_to_db(librosa.feature.melspectrogram(
                    y=y, sr=args.sr, n_fft=args.n_fft, hop_length=args.hop, n_mels=args.n_mels))
            run_librosa() if y.shape[0] <= args.sr * 5 else librosa.power_to_db(
                librosa.feature.melspectrogram(y=y[: args.sr * 5], sr=args.sr))  # warm-up
            lsecs, ldb = best_of(run_librosa, args.repeats)
            report["librosa_version"] = librosa.__version__
            report["librosa_seconds"] = lsecs
            report["numpy_vs_librosa_max_abs_db"] = float(np.max(np.abs(ldb.T - db)))
    if args.json:
        json.dump(report, sys.stdout)
        print()
    else:
        for k, v in report.items():
            if v is not None:
                print(f"{k}={str(v).replace(chr(10), ' ')}")


if __name__ == "__main__":
    main()
