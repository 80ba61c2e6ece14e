/** API types of the grade feature. */
package ai.smartai.model.grade;
