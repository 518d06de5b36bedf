/**
 * The input routes a run can take (audio, notes, piano roll, late fusion of them), the {@code route.json} that says
 * which one a run folder holds, and one way to predict whole files whatever the route
 * ({@link org.cadenza.model.pipeline.FilePredictor}, opened by {@code org.cadenza.api.run.Predictors.open} in the application layer).
 */
package org.cadenza.model.route;
