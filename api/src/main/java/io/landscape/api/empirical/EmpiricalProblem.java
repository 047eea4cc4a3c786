package io.landscape.api.empirical;

import java.util.Objects;

/**
 * The empirical objective of paper 001 §4 as a value: L_S(W, v) = (1/m) Σ_t ℓ(Σ_i v_i [⟨w_i, x_t⟩]₊, y_t) over a data
 * set, a loss and a width n. With trainable output weights (the paper's setting) the parameters are (W, v), laid out
 * as in {@link io.landscape.api.function.NetworkObjective}: n neuron blocks of d entries, then v_1…v_n. Without them
 * the output weights are fixed at 1, so n = 1 is the single neuron of App. C. Biases are emulated by
 * {@link DataSet#withBias()}.
 *
 * <p>For the cross-entropy loss the network has one output and the targets are class labels 0 or 1 (see
 * {@link Loss#CROSS_ENTROPY}). Immutable; {@code equals}/{@code hashCode} compare all fields.
 */
public final class EmpiricalProblem {
    private final DataSet data;
    private final Loss loss;
    private final int neurons;
    private final boolean trainableOutputWeights;

    /**
     * @throws IllegalArgumentException for n &lt; 1, or a cross-entropy target that is not the label 0 or 1 (the
     *                                  message names the example, 0-based)
     */
    public EmpiricalProblem(DataSet data, Loss loss, int neurons, boolean trainableOutputWeights) {
        this.data = Objects.requireNonNull(data, "data");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (neurons < 1) {
            throw new IllegalArgumentException("need at least one neuron, got n = " + neurons);
        }
        if (loss == Loss.CROSS_ENTROPY) {
            for (int t = 0; t < data.size(); t++) {
                double y = data.target(t);
                if (y != 0.0 && y != 1.0) {
                    throw new IllegalArgumentException("example " + t + ": label " + y
                            + " is out of range (cross-entropy with one output takes the labels 0 and 1)");
                }
            }
        }
        this.neurons = neurons;
        this.trainableOutputWeights = trainableOutputWeights;
    }

    /** The paper's setting: trainable output weights. */
    public EmpiricalProblem(DataSet data, Loss loss, int neurons) {
        this(data, loss, neurons, true);
    }

    public DataSet data() {
        return data;
    }

    public Loss loss() {
        return loss;
    }

    /** The width n. */
    public int neurons() {
        return neurons;
    }

    /** The input dimension d. */
    public int inputDimension() {
        return data.dimension();
    }

    public boolean trainableOutputWeights() {
        return trainableOutputWeights;
    }

    /** n·d + n with trainable output weights, else n·d. */
    public int parameterCount() {
        int nd = Math.multiplyExact(neurons, data.dimension());
        return trainableOutputWeights ? nd + neurons : nd;
    }

    /** The same data and loss at another width. */
    public EmpiricalProblem withNeurons(int n) {
        return new EmpiricalProblem(data, loss, n, trainableOutputWeights);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EmpiricalProblem)) {
            return false;
        }
        EmpiricalProblem p = (EmpiricalProblem) o;
        return neurons == p.neurons && trainableOutputWeights == p.trainableOutputWeights && loss == p.loss
                && data.equals(p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, loss, neurons, trainableOutputWeights);
    }

    @Override
    public String toString() {
        return "EmpiricalProblem[" + data + ", loss=" + loss + ", n=" + neurons
                + (trainableOutputWeights ? "" : ", fixed output weights") + "]";
    }
}
