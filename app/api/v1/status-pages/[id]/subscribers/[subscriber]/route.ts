import { statusEndpoints } from '@/lib/api/openapi/endpoints-status';
import { route } from '@/lib/api/route';
import { deleteStatusSubscriber } from '@/lib/status-pages/subscriber-store';

// DELETE /api/v1/status-pages/{id}/subscribers/{subscriber}
export const DELETE = route(statusEndpoints.deleteSubscriber, ({ lookout, params }) => {
  deleteStatusSubscriber(lookout.db, params.id, params.subscriber);
});
