package org.cadenza.model.classical;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;

/**
 * The multiclass perceptron loss as a Tribuo {@link LabelObjective}: with p the highest-scoring class and t the
 * true one, the loss is f<sub>p</sub> - f<sub>t</sub> (zero when the prediction is right), and the update adds the
 * example to the true class's weights and subtracts it from the predicted class's (gradient +1 at t, -1 at p, of
 * the negated loss, Tribuo's convention).
 * <p>
 * Why not Tribuo's {@link Hinge} with margin 0, the textbook identity? In Tribuo 4.3.2 the hinge's gradient
 * entries <em>are</em> the margin (+margin at the true class, -margin at the predicted one), so with margin 0
 * every gradient is zero and the weights never move: the model stays at zero and predicts one class.
 */
public final class Perceptron extends ScoreObjective {

    /** The objective (stateless). */
    public Perceptron() {
    }

    /**
     * @param truth      the true class's index
     * @param prediction the linear scores, one per class (not modified)
     * @return the negated loss and its gradient with respect to the scores (Tribuo's convention)
     */
    @Override
    public Pair<Double, SGDVector> lossAndGradient(Integer truth, SGDVector prediction) {
        int predicted = prediction.indexOfMax();
        if (predicted == truth) {
            return new Pair<>(0.0, SparseVector.createSparseVector(prediction.size(), new int[0], new double[0]));
        }
        int[] indices = truth < predicted ? new int[] {truth, predicted} : new int[] {predicted, truth};
        double[] values = truth < predicted ? new double[] {1, -1} : new double[] {-1, 1};
        double value = prediction.get(truth) - prediction.get(predicted);
        return new Pair<>(value, SparseVector.createSparseVector(prediction.size(), indices, values));
    }
}
