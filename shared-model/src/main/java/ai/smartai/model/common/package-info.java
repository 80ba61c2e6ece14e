/** Types shared by every part of the API. */
package ai.smartai.model.common;
