/**
 * Which instruments are playing: a multi-label head (one sigmoid output per instrument family, binary cross-entropy)
 * on the classifiers' trunk, alone or beside the composer head (multi-task). Trained on windows whose targets say
 * which families sound in them.
 */
package org.cadenza.model.multitask;
