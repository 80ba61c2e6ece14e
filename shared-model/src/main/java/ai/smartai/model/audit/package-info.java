/** API types of the audit feature. */
package ai.smartai.model.audit;
