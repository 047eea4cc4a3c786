/**
 * A small plotting helper for the experiments' paper figures, on plain {@link java.awt.Graphics2D}: a
 * {@link io.landscape.impl.experiment.plot.Figure} of side-by-side {@link io.landscape.impl.experiment.plot.Panel}s,
 * written as PNG (300 dpi), SVG (text kept as text) and PDF (text as outlines).
 *
 * <ul>
 *   <li>{@link io.landscape.impl.experiment.plot.Axis}: linear or log axes; log axes label at most eight decades as
 *       10⁻⁴-style superscripts (minor ticks elsewhere), linear axes label round numbers with a true minus sign.</li>
 *   <li>{@link io.landscape.impl.experiment.plot.RichText}: labels with real sub- and superscripts, bold and italic
 *       ({@code "log_{*ηT*} *L*(**w**(*T*))"}), no TeX source on the page.</li>
 *   <li>{@link io.landscape.impl.experiment.plot.Palette}: the Okabe–Ito colours (colour-blind safe) without yellow;
 *       series are also told apart by {@link io.landscape.impl.experiment.plot.Marker} shape and dash pattern.</li>
 *   <li>Lines are cut at the plot frame, never moved onto it; the legend goes into a corner where it covers no data,
 *       or beside the plot.</li>
 * </ul>
 * Rendering is deterministic: the same data give byte-identical PNG and SVG files.
 */
package io.landscape.impl.experiment.plot;
