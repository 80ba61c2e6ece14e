/** API types of the reports feature: questions about the class, answered from computed data. */
package ai.smartai.model.report;
