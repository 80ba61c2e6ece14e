/** API types of the problem feature. */
package ai.smartai.model.problem;
