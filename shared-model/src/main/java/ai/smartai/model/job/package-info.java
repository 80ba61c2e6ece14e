/** API types of the job feature. */
package ai.smartai.model.job;
