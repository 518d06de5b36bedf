package org.cadenza.model.classical;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;

/**
 * The modified Huber loss (Zhang 2004; scikit-learn's {@code SGDClassifier(loss="modified_huber")}), one-vs-rest
 * over the classes, as a Tribuo {@link LabelObjective} (Tribuo 4.3.2 has none).
 * <p>
 * For class k with score f<sub>k</sub>, target y<sub>k</sub> = +1 for the true class and -1 for every other, and
 * z = y<sub>k</sub> f<sub>k</sub>:
 * <pre>
 *   L(z) = max(0, 1 - z)^2   if z &gt;= -1
 *   L(z) = -4 z              if z &lt;  -1
 * </pre>
 * The loss of an example is the sum over the classes. Tribuo's convention is followed: the objective returns the
 * <em>negated</em> loss (a value to maximise) and the gradient of that value with respect to the scores,
 * g<sub>k</sub> = -dL/df<sub>k</sub> = 2 y<sub>k</sub> max(0, 1 - z) for z &gt;= -1, else 4 y<sub>k</sub>.
 * The scores are not probabilities ({@link #isProbabilistic()} is false); {@link ClassicalModel} turns them into
 * probabilities the way scikit-learn does: (clip(f<sub>k</sub>, -1, 1) + 1) / 2, normalised over the classes.
 */
public final class ModifiedHuber extends ScoreObjective {

    /** The objective (stateless). */
    public ModifiedHuber() {
    }

    /** @return the loss of one class's margin z = y f (not negated) */
    public static double loss(double z) {
        return z >= -1 ? Math.pow(Math.max(0, 1 - z), 2) : -4 * z;
    }

    /**
     * @param truth      the true class's index
     * @param prediction the linear scores, one per class (not modified)
     * @return the negated loss and its gradient with respect to the scores (Tribuo's convention)
     */
    @Override
    public Pair<Double, SGDVector> lossAndGradient(Integer truth, SGDVector prediction) {
        int n = prediction.size();
        double[] gradient = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            double y = k == truth ? 1 : -1;
            double z = y * prediction.get(k);
            total += loss(z);
            gradient[k] = z >= -1 ? 2 * y * Math.max(0, 1 - z) : 4 * y;
        }
        return new Pair<>(-total, DenseVector.createDenseVector(gradient));
    }
}
