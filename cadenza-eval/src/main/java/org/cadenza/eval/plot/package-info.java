/** Pictures of evaluation results (XChart): the confusion-matrix heat map. */
package org.cadenza.eval.plot;
