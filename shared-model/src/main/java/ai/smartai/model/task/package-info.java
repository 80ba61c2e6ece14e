/** API types of the task feature. */
package ai.smartai.model.task;
