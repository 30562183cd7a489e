/**
 * The VCaaS meeting platform ({@code vcaas}): its real-time callbacks (user join/leave/waiting room, meeting
 * start/end, recording start/stop, end class for all) and the post-meeting data push. VCaaS has no chat API, so
 * this folder only reads. Only this folder knows VCaaS's formats.
 * Depends on {@code api} and {@code channel} only.
 */
package io.hookbot.channel.vcaas;
