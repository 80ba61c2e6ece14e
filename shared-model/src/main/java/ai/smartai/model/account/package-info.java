/** API types of the account feature. */
package ai.smartai.model.account;
