/** API types of the student feature. */
package ai.smartai.model.student;
