/** API types of the provider feature. */
package ai.smartai.model.provider;
