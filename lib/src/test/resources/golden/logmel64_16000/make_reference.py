"""Reference for the log-mel 64 configuration (FeatureConfig.logMel64), computed by librosa itself.

Input: a synthetic 16 kHz PCM16 signal (no third-party rights): 0.15 s of silence, 1.2 s of a harmonic tone whose
f0 glides 110 -> 240 Hz (harmonics to 7.9 kHz, 3 Hz amplitude modulation) plus faint noise, 0.15 s of silence.
Outputs (librosa (n, T) orientation, no header, %.9g):
  mel_filterbank.csv  librosa.filters.mel(sr=16000, n_fft=512, n_mels=64, fmin=50, fmax=8000)   (64 x 257)
  log_mel.csv         power_to_db(melspectrogram(y, power=2), ref=1.0, amin=1e-10, top_db=80)   (64 x T)
  delta.csv, delta2.csv   librosa.feature.delta(log_mel, width=9, order=1|2, mode='interp')
Run: python make_reference.py (librosa 0.11.0, numpy 2.4.6, scipy 1.17.1, soundfile 0.14.0 produced the files).
"""
import numpy as np
import soundfile as sf
import librosa

SR, N_FFT, HOP, N_MELS, FMIN, FMAX = 16000, 512, 160, 64, 50.0, 8000.0

rng = np.random.default_rng(20240611)
n_tone = int(1.2 * SR)
t = np.arange(n_tone) / SR
f0 = 110.0 + (240.0 - 110.0) * t / t[-1]
phase = 2 * np.pi * np.cumsum(f0) / SR
tone = np.zeros(n_tone)
for h in range(1, 80):
    ok = h * f0 < 7900.0
    tone += ok * np.sin(h * phase) / h
env = (0.55 + 0.45 * np.sin(2 * np.pi * 3.0 * t)) * np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.02)
tone = 0.3 * tone / np.max(np.abs(tone)) * env + 0.003 * rng.standard_normal(n_tone)
y = np.concatenate([np.zeros(int(0.15 * SR)), tone, np.zeros(int(0.15 * SR))])
sf.write("input_16000_pcm16.wav", y, SR, subtype="PCM_16")

y, sr = librosa.load("input_16000_pcm16.wav", sr=SR)
fb = librosa.filters.mel(sr=SR, n_fft=N_FFT, n_mels=N_MELS, fmin=FMIN, fmax=FMAX)
S = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, n_mels=N_MELS, fmin=FMIN, fmax=FMAX, power=2.0)
L = librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)
D1 = librosa.feature.delta(L, width=9, order=1, mode="interp")
D2 = librosa.feature.delta(L, width=9, order=2, mode="interp")
for name, m in [("mel_filterbank", fb), ("log_mel", L), ("delta", D1), ("delta2", D2)]:
    np.savetxt(name + ".csv", m, fmt="%.9g", delimiter=",")
print(librosa.__version__, y.shape, L.shape, L.dtype, float(L.max()), float(L.min()))
