package org.cadenza.model.classical;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.util.NoopNormalizer;
import org.tribuo.math.util.VectorNormalizer;

/**
 * What this package's own Tribuo objectives ({@link ModifiedHuber}, {@link Perceptron}) share: their outputs are
 * scores, not probabilities (no normaliser), and Tribuo's deprecated {@code valueAndGradient} delegates to
 * {@link #lossAndGradient}. Subclasses give the loss.
 */
abstract class ScoreObjective implements LabelObjective {

    /** Tribuo's deprecated form of {@link #lossAndGradient}, still abstract in 4.3.2. */
    @Deprecated
    @Override
    public final Pair<Double, SGDVector> valueAndGradient(int truth, SGDVector prediction) {
        return lossAndGradient(truth, prediction);
    }

    /** @return a {@link NoopNormalizer}: the scores stay scores */
    @Override
    public final VectorNormalizer getNormalizer() {
        return new NoopNormalizer();
    }

    /** @return false */
    @Override
    public final boolean isProbabilistic() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "()";
    }

    @Override
    public final ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "LabelObjective");
    }
}
