import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { ReservationEnforcer } from '../reservations/reservation.enforcer';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { authorizationEvent } from './authorization.events';
import { AuthorizationService } from './authorization.service';
import { idTagInfoOf, idTokenInfoOf, idTokenOf16, idTokenOf201 } from './authorize.adapter';
import type { AuthorizationDecision, IdTokenRef } from './id-token';

/** Authorize, both versions: one decision (reservations included), answered as 1.6 idTagInfo or 2.0.1 idTokenInfo; `authorization` published after. */
@Injectable()
export class AuthorizationHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly authorization: AuthorizationService,
    private readonly events: StationEventEmitter,
    private readonly reservations: ReservationEnforcer,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '1.6': { Authorize: async (context, request) => ({ idTagInfo: idTagInfoOf(await this.authorize(context, idTokenOf16(request.idTag))) }) },
      '2.0.1': { Authorize: async (context, request) => ({ idTokenInfo: idTokenInfoOf(await this.authorize(context, idTokenOf201(request.idToken))) }) },
    });
  }

  private async authorize(context: CallContext, token: IdTokenRef): Promise<AuthorizationDecision> {
    const decision = await this.reservations.atAuthorize(context.stationId, token, await this.authorization.decide(token));
    context.logger.info({ idTokenType: token.type, status: decision.status }, 'authorization decided');
    this.events.publishAnswered(context.stationId, authorizationEvent(token, decision), context.logger);
    return decision;
  }
}
