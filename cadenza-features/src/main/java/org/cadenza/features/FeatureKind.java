package org.cadenza.features;

/**
 * What a {@link FeatureExtractor} produces for each frame.
 *
 * <ul>
 *   <li>{@link #STFT}: {@code |STFT|^power} per linear-frequency bin (librosa {@code np.abs(librosa.stft(y))**power}),
 *       {@code nFft / 2 + 1} bins from 0 Hz to {@code sampleRate / 2}, linear (not dB).</li>
 *   <li>{@link #LOGMEL}: {@code power_to_db(melspectrogram(y))} in dB, {@code nMels} bins
 *       (librosa {@code librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=sr))}).</li>
 *   <li>{@link #MFCC}: the first {@code nMfcc} coefficients of the orthonormal DCT-II of the log-mel dB values
 *       (librosa {@code librosa.feature.mfcc(y=y, sr=sr)}).</li>
 * </ul>
 */
public enum FeatureKind {
    LOGMEL, MFCC, STFT
}
