import type { HandlerTable } from './handler-table';

const MD5 = /^[0-9a-fA-F]{32}$/;

/**
 * A local controller publishing firmware (2.0.1 L03): it reports Downloaded, then Published with
 * the URI it serves the file on. The simulator does not download; the checksum must look like an
 * MD5 (InvalidChecksum otherwise, as a controller would find after downloading).
 */
export const firmwarePublishing201: HandlerTable<'2.0.1'> = {
  PublishFirmware: (request, station) => {
    const { requestId } = request;
    station.afterAnswer(async () => {
      await station.send('PublishFirmwareStatusNotification', { status: 'Downloaded', requestId });
      if (!MD5.test(request.checksum)) {
        await station.send('PublishFirmwareStatusNotification', { status: 'InvalidChecksum', requestId });
        return;
      }
      const file = request.location.split('/').filter(Boolean).at(-1) ?? 'firmware.bin';
      const published = `http://${station.stationId.toLowerCase()}.local/firmware/${request.checksum.toLowerCase()}/${encodeURIComponent(file)}`;
      station.publishedFirmware.add(request.checksum.toLowerCase());
      await station.send('PublishFirmwareStatusNotification', { status: 'Published', requestId, location: [published] });
    });
    return { status: 'Accepted' };
  },
  UnpublishFirmware: (request, station) => ({ status: station.publishedFirmware.delete(request.checksum.toLowerCase()) ? 'Unpublished' : 'NoFirmware' }),
};
