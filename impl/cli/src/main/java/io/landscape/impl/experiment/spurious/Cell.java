package io.landscape.impl.experiment.spurious;

/** A (k, n) cell of the search: k teachers in R^k, n students (the key of a run besides its index). */
public record Cell(int k, int n) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
}
