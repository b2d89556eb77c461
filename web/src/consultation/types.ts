/** The office's view of a draft's public comment (GET /api/cases/:type/:id/consultation). */
import type { ConsultationView } from "../wire.ts";

export type Consultation = ConsultationView;
export type Comment = Consultation["comments"][number];
export type AnswerResult = NonNullable<Comment["answer_result"]>;

export const consultationApi = (type: string, id: number) =>
  `/api/cases/${encodeURIComponent(type)}/${id}/consultation`;
export const consultationPath = (type: string, id: number) =>
  `/cases/${encodeURIComponent(type)}/${id}/consultation`;
