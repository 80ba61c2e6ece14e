/** API types of the analytics feature. */
package ai.smartai.model.analytics;
